package io.parley.support;

import java.util.List;

/**
 * The capability lists of docs/api.md §4, written out literally as the seed shows them, so that tests hold the
 * implementation against the contract rather than against itself.
 */
public final class SeedCapabilities {

    /** One agent Chatting: the seed's "Failed" notification. */
    public static final List<String> ALONE = List.of("Transfer", "Leave", "Invite", "Consult", "SetInFocus",
            "SetDisposition", "AttachUserData", "DeleteUserData", "UpdateUserData", "Complete", "SendMessage",
            "SendStartTypingNotification", "SendStopTypingNotification");

    /** Two or more agents Chatting: the seed's "First Notification". */
    public static final List<String> CONFERENCE = List.of("Transfer", "Leave", "Invite", "Consult", "SetInFocus",
            "SetDisposition", "AttachUserData", "DeleteUserData", "UpdateUserData", "SendToAgents",
            "SendStartTypingToAgentsNotification", "SendStopTypingToAgentsNotification", "Complete", "SendMessage",
            "SendStartTypingNotification", "SendStopTypingNotification");

    public static final List<String> INVITED = List.of("Accept", "Reject");

    /** GWS names the focus operation InFocus in this state: https://docs.genesys.com/Documentation/HTCC/latest/API/ChatLeave */
    public static final List<String> LEFT_CHAT = List.of("Transfer", "Complete", "Leave", "InFocus");

    /**
     * Not in the seed: a consultant's list as the README's API decisions give it, in the seed's order. Desktops
     * build a consultant's buttons from it, so it is held literally too.
     */
    public static final List<String> CONSULTANT = List.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData",
            "DeleteUserData", "UpdateUserData", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "Complete", "SendMessage");

    private SeedCapabilities() {
    }
}
