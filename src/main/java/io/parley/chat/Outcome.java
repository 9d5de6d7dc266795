package io.parley.chat;

import java.util.List;

/** What an operation decided. */
public sealed interface Outcome {

    /** Refused with a GWS statusCode; nothing changes. */
    record Refused(StatusCode statusCode, String message) implements Outcome {
    }

    /** Nothing to do (a timer or routing step found the chat already moved on); nothing is committed. */
    record Unchanged() implements Outcome {
    }

    /**
     * The new chat and everything to commit with it.
     *
     * @param referenceId the referenceId of the reply, 0 for operations Parley performs itself
     * @param messages the transcript entries to append, in index order
     */
    record Applied(Chat chat, long referenceId, List<Message> messages, List<Delivery> deliveries,
            List<Effect> effects, List<Condition> conditions) implements Outcome {
    }

    static Refused refused(StatusCode statusCode, String message) {
        return new Refused(statusCode, message);
    }

    /** The chat has no room for another party (parley.chat.max-parties). */
    static Refused chatFull(Chat chat, Policy policy) {
        return refused(StatusCode.INVALID_STATE,
                "Chat " + chat.id() + " already has the maximum of " + policy.maxParties() + " parties");
    }
}
