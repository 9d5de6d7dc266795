package io.parley.chat;

/**
 * A chat's place in a named queue: it waits there until routing finds a Ready agent who serves the queue.
 *
 * @param kind {@code Routing} for a chat that needs an agent (new, transferred or completed to a queue), {@code
 *     Consult} for a consultation asked of the queue: its agent joins hidden from the customer
 * @param requesterParticipantId the agent who consulted the queue (null for Routing)
 * @param referenceId the request that put the chat there (0 for none), which the joining agent's offer carries
 */
public record Waiting(String queue, InvitationKind kind, String requesterParticipantId, long referenceId) {
}
