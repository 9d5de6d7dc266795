package io.parley.api;

import java.util.Set;

import org.jboss.logging.MDC;

import io.parley.chat.Actor;

/**
 * What a request's log lines say about the operation it performs: {@code operationName}, {@code chatId}, {@code
 * userId} and {@code referenceId}, kept in the logging context from when each is known until the reply is sent
 * ({@link OperationMeter} clears them). The context belongs to the request, so concurrent requests never mix theirs.
 */
public final class OperationTrail {

    public static final String OPERATION_NAME = "operationName";
    public static final String CHAT_ID = "chatId";
    public static final String USER_ID = "userId";
    public static final String PARTICIPANT_ID = "participantId";
    public static final String REFERENCE_ID = "referenceId";
    /** Names that are not among {@link #KNOWN}: a client may send anything, and labels must stay few. */
    public static final String OTHER = "other";

    /** Every operationName Parley performs, and StartChat for a customer opening a chat. */
    static final Set<String> KNOWN = Set.of("Accept", "Reject", "Invite", "Consult", "Transfer",
            "RemoveParticipantFromConference", "Leave", "Complete", "LeaveAndComplete", "SendMessage", "SendToAgents",
            "SendUrl", "SendCustomNotice", "SendCustomNoticeToAgents", "SendStartTypingNotification",
            "SendStopTypingNotification", "SendStartTypingToAgentsNotification", "SendStopTypingToAgentsNotification",
            "SetInFocus", "InFocus", "SetDisposition", "AttachUserData", "UpdateUserData", "DeleteUserData",
            "StartContactCenterSession", "EndContactCenterSession", "Ready", "NotReady", "StartChat",
            "Intrude", "SwitchToMonitor", "SwitchToCoach", "SwitchToBargeIn", "Monitor", "Coach", "BargeIn",
            "CancelSupervisorMonitoring");

    private OperationTrail() {
    }

    /** The operation this request performs; a name Parley does not know is kept as {@value #OTHER}. */
    public static void named(String operationName) {
        MDC.put(OPERATION_NAME, operationName != null && KNOWN.contains(operationName) ? operationName : OTHER);
    }

    public static void chat(String chatId) {
        MDC.put(CHAT_ID, chatId);
    }

    public static void user(String userId) {
        MDC.put(USER_ID, userId);
    }

    /** The agent's user id, or the customer's participant id: a customer has no user. */
    public static void actor(Actor actor) {
        switch (actor) {
            case Actor.Agent agent -> user(agent.userId());
            case Actor.Customer customer -> MDC.put(PARTICIPANT_ID, customer.participantId());
            default -> {
            }
        }
    }

    public static void reference(long referenceId) {
        MDC.put(REFERENCE_ID, Long.toString(referenceId));
    }

    /** The operation's name, or null when the request performs none. */
    static String operationName() {
        Object name = MDC.get(OPERATION_NAME);
        return name == null ? null : name.toString();
    }

    static void clear() {
        MDC.remove(OPERATION_NAME);
        MDC.remove(CHAT_ID);
        MDC.remove(USER_ID);
        MDC.remove(PARTICIPANT_ID);
        MDC.remove(REFERENCE_ID);
    }
}
