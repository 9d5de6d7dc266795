package io.parley.chat;

import java.util.List;
import java.util.Set;

/** Which operations a viewer may perform now, in the order GWS lists them. Computed, never stored. */
public final class Capabilities {

    static final List<String> INVITED = List.of("Accept", "Reject");

    /** Chatting as the only agent (the seed's "Failed" notification). */
    static final List<String> ALONE = List.of("Transfer", "Leave", "Invite", "Consult", "SetInFocus",
            "SetDisposition", "AttachUserData", "DeleteUserData", "UpdateUserData", "Complete", "SendMessage",
            "SendStartTypingNotification", "SendStopTypingNotification");

    /** Chatting with another agent (the seed's "First Notification"): the *ToAgents operations appear. */
    static final List<String> CONFERENCE = List.of("Transfer", "Leave", "Invite", "Consult", "SetInFocus",
            "SetDisposition", "AttachUserData", "DeleteUserData", "UpdateUserData", "SendToAgents",
            "SendStartTypingToAgentsNotification", "SendStopTypingToAgentsNotification", "Complete", "SendMessage",
            "SendStartTypingNotification", "SendStopTypingNotification");

    /** A consultant talks to the agents only and cannot bring others in. */
    static final List<String> CONSULTANT = List.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData",
            "DeleteUserData", "UpdateUserData", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "Complete", "SendMessage");

    /**
     * After the last agent left (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatLeave): GWS names the
     * focus operation {@value #IN_FOCUS} here, where the Chatting lists (the seed's Invite page) name it SetInFocus.
     * Each state shows the name its page documents; both names perform SetInFocus.
     */
    static final List<String> LEFT_CHAT = List.of("Transfer", "Complete", "Leave", Capabilities.IN_FOCUS);

    static final String IN_FOCUS = "InFocus";

    /**
     * A supervisor's lists per mode. GWS's ChatSupervisor page shows a coaching supervisor's list with Transfer,
     * Invite, Consult and the user data operations too; Parley's supervisors do not bring others in nor change the
     * agent's user data (docs/api.md §4), so their lists hold what they can do: talk as the mode allows, switch
     * mode, leave.
     */
    static final List<String> MONITORING = List.of("Leave", "SetInFocus", "SwitchToCoach", "SwitchToBargeIn");

    static final List<String> COACHING = List.of("Leave", "SetInFocus", "SendToAgents",
            "SendStartTypingToAgentsNotification", "SendStopTypingToAgentsNotification", "SwitchToMonitor",
            "SwitchToBargeIn");

    static final List<String> BARGING_IN = List.of("Leave", "SetInFocus", "SendToAgents",
            "SendStartTypingToAgentsNotification", "SendStopTypingToAgentsNotification", "SendMessage",
            "SendStartTypingNotification", "SendStopTypingNotification", "SwitchToMonitor", "SwitchToCoach");

    static final List<String> CUSTOMER = List.of("SendMessage", "SendStartTypingNotification",
            "SendStopTypingNotification", "Leave");

    /** Accepted while chatting although GWS does not list them. */
    private static final Set<String> UNLISTED = Set.of("SendUrl", "SendCustomNotice", "SendCustomNoticeToAgents",
            "RemoveParticipantFromConference", "LeaveAndComplete");

    private static final Set<String> UNLISTED_FOR_CONSULTANT = Set.of("SendCustomNoticeToAgents",
            "LeaveAndComplete");

    private Capabilities() {
    }

    static List<String> forAgent(Chat chat, ChatState state, Participant seat) {
        return switch (state) {
            case Invited -> INVITED;
            case Chatting -> seat.visibility() == Visibility.Agents ? CONSULTANT
                    : talksToAgents(chat) ? CONFERENCE : ALONE;
            case LeftChat -> LEFT_CHAT;
            case Completed, Revoked -> List.of();
        };
    }

    /** Another agent, or a supervisor the agents see, is there to read what is sent to the agents. */
    private static boolean talksToAgents(Chat chat) {
        return chat.joined(p -> p.isStaff() && p.visibility() != Visibility.Supervisors).size() > 1;
    }

    static List<String> forSupervisor(ChatState state, Participant seat) {
        if (state != ChatState.Chatting) {
            return List.of();
        }
        return switch (SupervisorMode.of(seat.visibility())) {
            case Monitor -> MONITORING;
            case Coach -> COACHING;
            case BargeIn -> BARGING_IN;
        };
    }

    static boolean permits(List<String> listed, ChatState state, Participant seat, String operationName) {
        if (listed.contains(operationName)) {
            return true;
        }
        if (listed.contains(IN_FOCUS) && operationName.equals(new Operation.SetInFocus().name())) {
            return true;
        }
        if (state != ChatState.Chatting) {
            return false;
        }
        return seat.visibility() == Visibility.Agents ? UNLISTED_FOR_CONSULTANT.contains(operationName)
                : UNLISTED.contains(operationName);
    }
}
