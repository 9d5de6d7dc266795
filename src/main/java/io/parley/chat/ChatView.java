package io.parley.chat;

import java.util.List;
import java.util.Map;

/**
 * The chat as one viewer sees it: the {@code chat} object of notifications and GETs. {@code state} and
 * {@code capabilities} are the viewer's own; {@code userData} is only filled where the contract shows it.
 */
public record ChatView(String id, String state, List<Party> participants, List<String> capabilities, String uri,
        Map<String, Object> userData) {
}
