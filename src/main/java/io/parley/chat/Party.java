package io.parley.chat;

/**
 * A participant as clients see it ({@code participants[]} and a message's {@code from}). An agent carries the
 * {@code uri} and {@code path} of its user, as GWS writes them, so that a desktop finds itself in the list and can
 * name another agent as a target. {@code visibility} is present for a consultant, whom the customer does not see,
 * and on the sender of a custom notice, which GWS writes with {@code visibility} and {@code id} (the participantId)
 * too (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSendCustomNotice).
 */
public record Party(String nickname, String type, String participantId, String visibility, String uri, String path,
        String id) {
}
