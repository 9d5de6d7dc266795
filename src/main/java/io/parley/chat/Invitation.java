package io.parley.chat;

/**
 * A pending offer of the chat to one agent. {@code referenceId} and {@code inviterParticipantId} are those of the
 * request that made it (0 and null for a routing offer): the answer is reported to the inviter under that
 * referenceId.
 *
 * @param queued routing found this agent in a queue (a Consult of a queue, say): declined, the chat goes back
 *     to the queue instead of failing
 */
public record Invitation(InvitationKind kind, String userId, long referenceId, String inviterParticipantId,
        long expiresAt, boolean queued) {

    public Invitation(InvitationKind kind, String userId, long referenceId, String inviterParticipantId,
            long expiresAt) {
        this(kind, userId, referenceId, inviterParticipantId, expiresAt, false);
    }

    public boolean hasInviter() {
        return inviterParticipantId != null;
    }

    /** Whether the offer came from a queue (every routing offer does). */
    public boolean fromQueue() {
        return queued || kind == InvitationKind.Routing;
    }
}
