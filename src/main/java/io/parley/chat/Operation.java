package io.parley.chat;

import java.util.List;
import java.util.Map;

/**
 * A chat operation, already validated for form. {@link #name()} is the operationName a client sends, which is also
 * the name the viewer's capabilities list.
 */
public sealed interface Operation {

    String name();

    /** Whether deciding needs the transcript (joining agents receive the history). */
    default boolean needsTranscript() {
        return false;
    }

    /** The agent whose availability the decision depends on, if any. */
    default String targetUserId() {
        return null;
    }

    record Accept(String nickname) implements Operation {
        public String name() {
            return "Accept";
        }

        public boolean needsTranscript() {
            return true;
        }
    }

    record Reject() implements Operation {
        public String name() {
            return "Reject";
        }
    }

    /** Invite, Consult or Transfer: offer the chat to another agent. */
    record Offer(InvitationKind kind, String targetUserId) implements Operation {
        public String name() {
            return kind.name();
        }
    }

    record RemoveParticipant(String targetUserId) implements Operation {
        public String name() {
            return "RemoveParticipantFromConference";
        }
    }

    /** Leave, Complete or LeaveAndComplete, with an optional parting text. */
    record Depart(String name, boolean complete, String text) implements Operation {
    }

    /** SendMessage, SendToAgents, SendUrl, SendCustomNotice(ToAgents), and the typing notifications. */
    record Post(String name, MessageType type, boolean toAgents, String content) implements Operation {
    }

    record SetInFocus() implements Operation {
        public String name() {
            return "SetInFocus";
        }
    }

    /** AttachUserData, UpdateUserData and SetDisposition put values; DeleteUserData removes keys. */
    record ChangeUserData(String name, Map<String, Object> put, List<String> delete) implements Operation {
    }

    /** Routing offers a waiting chat to one of the Ready agents. */
    record Route(List<AgentLoad> readyAgents) implements Operation {
        public Route {
            readyAgents = List.copyOf(readyAgents);
        }

        public String name() {
            return "Route";
        }
    }

    /** An offer's time is up. */
    record ExpireOffer(String agentUserId) implements Operation {
        public String name() {
            return "ExpireOffer";
        }
    }
}
