package io.parley.chat;

/**
 * A participant as clients see it ({@code participants[]} and a message's {@code from}). {@code visibility} is only
 * present for a consultant, whom the customer does not see.
 */
public record Party(String nickname, String type, String participantId, String visibility) {
}
