package io.parley.chat;

/** Changes outside the chat document that a commit makes together with it. */
public sealed interface Effect {

    /** The chat is on the agent's desk (offered or joined): it counts against the agent's capacity. */
    record Track(String userId) implements Effect {
    }

    record Untrack(String userId) implements Effect {
    }

    /** Fire {@code ExpireOffer} for this agent's offer at {@code at} (epoch millis). */
    record ArmTimer(String userId, long at) implements Effect {
    }

    record DisarmTimer(String userId) implements Effect {
    }

    /** Put the chat (back) in the routing queue; {@code front} for a chat that already waited. */
    record Enqueue(boolean front) implements Effect {
    }

    record Dequeue() implements Effect {
    }

    /** Remember {@code userId} as the last agent of the customer {@code contactId} for {@code ttlMillis}. */
    record RememberLastAgent(String contactId, String userId, long ttlMillis) implements Effect {
    }
}
