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
                    : chat.joinedAgents().size() > 1 ? CONFERENCE : ALONE;
            case LeftChat -> LEFT_CHAT;
            case Completed, Revoked -> List.of();
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
