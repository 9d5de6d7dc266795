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

    /**
     * @param saveLastAgent {@code saveLAR}: remember this agent as the customer's last agent
     *     (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatAccept)
     */
    record Accept(String nickname, boolean saveLastAgent, List<Monitoring> monitorings) implements Operation {
        /**
         * @param monitorings the supervisors' standing monitorings of the accepting agent, loaded by the shell: each
         *     brings its supervisor into the chat with the agent
         */
        public Accept {
            monitorings = monitorings == null ? List.of() : List.copyOf(monitorings);
        }

        public Accept(String nickname, boolean saveLastAgent) {
            this(nickname, saveLastAgent, List.of());
        }

        public Accept(String nickname) {
            this(nickname, false);
        }

        public Accept withMonitorings(List<Monitoring> loaded) {
            return new Accept(nickname, saveLastAgent, loaded);
        }

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

    /** Invite, Consult or Transfer: offer the chat to another agent; a Transfer may say something first. */
    record Offer(InvitationKind kind, String targetUserId, Remark remark) implements Operation {
        public Offer(InvitationKind kind, String targetUserId) {
            this(kind, targetUserId, null);
        }

        public String name() {
            return kind.name();
        }
    }

    /**
     * Transfer or Consult to a named queue: an agent who serves it is found by routing
     * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer,
     * https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatConsult).
     */
    record OfferToQueue(InvitationKind kind, String queueName, Remark remark) implements Operation {
        public String name() {
            return kind.name();
        }
    }

    record RemoveParticipant(String targetUserId, Remark remark) implements Operation {
        public RemoveParticipant(String targetUserId) {
            this(targetUserId, null);
        }

        public String name() {
            return "RemoveParticipantFromConference";
        }
    }

    /**
     * Leave, Complete or LeaveAndComplete, with an optional parting remark. Complete may also remember the agent as
     * the customer's last agent ({@code saveLAR}) and place the chat in a queue ({@code queueName}, null for none)
     * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete).
     */
    record Depart(String name, boolean complete, Remark remark, boolean saveLastAgent, String queueName)
            implements Operation {
        public Depart(String name, boolean complete, String text) {
            this(name, complete, Remark.of(text), false, null);
        }
    }

    /**
     * SendMessage, SendToAgents, SendUrl, SendCustomNotice(ToAgents), and the typing notifications. A text message
     * may carry a {@code messageType} and {@code treatAs}
     * (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSend).
     */
    record Post(String name, MessageType type, boolean toAgents, String content, String messageType, TreatAs treatAs)
            implements Operation {
        public Post(String name, MessageType type, boolean toAgents, String content) {
            this(name, type, toAgents, content, null, null);
        }
    }

    record SetInFocus() implements Operation {
        public String name() {
            return "SetInFocus";
        }
    }

    /** AttachUserData, UpdateUserData and SetDisposition put values; DeleteUserData removes keys. */
    record ChangeUserData(String name, Map<String, Object> put, List<String> delete) implements Operation {
    }

    /**
     * Routing offers a waiting chat to one of the Ready agents who serve its queue; {@code lastAgent}, if Ready
     * among them, first (null for none).
     */
    record Route(List<AgentLoad> readyAgents, String lastAgent) implements Operation {
        public Route {
            readyAgents = List.copyOf(readyAgents);
        }

        public Route(List<AgentLoad> readyAgents) {
            this(readyAgents, null);
        }

        public String name() {
            return "Route";
        }
    }

    /**
     * A supervisor joins a chat {@code agentUserId} is in now
     * (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatIntrude).
     *
     * @param nickname the name the chat shows for the supervisor: their user name
     */
    record Intrude(String agentUserId, SupervisorMode mode, String nickname) implements Operation {
        public String name() {
            return "Intrude";
        }

        public boolean needsTranscript() {
            return true;
        }
    }

    /** SwitchToMonitor, SwitchToCoach, SwitchToBargeIn: a supervisor in the chat changes how they take part. */
    record SwitchSupervision(SupervisorMode mode) implements Operation {
        public String name() {
            return mode.switchName();
        }
    }

    /** An offer's time is up. */
    record ExpireOffer(String agentUserId) implements Operation {
        public String name() {
            return "ExpireOffer";
        }
    }
}
