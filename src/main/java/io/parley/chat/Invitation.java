package io.parley.chat;

/**
 * A pending offer of the chat to one agent. {@code referenceId} and {@code inviterParticipantId} are those of the
 * request that made it (0 and null for a routing offer): the answer is reported to the inviter under that
 * referenceId.
 */
public record Invitation(InvitationKind kind, String userId, long referenceId, String inviterParticipantId,
        long expiresAt) {

    public boolean hasInviter() {
        return inviterParticipantId != null;
    }
}
