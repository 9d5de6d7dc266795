package io.parley.chat;

import java.util.List;
import java.util.Map;

/**
 * The chat as one viewer sees it: the {@code chat} object of notifications and GETs. {@code state} and
 * {@code capabilities} are the viewer's own; {@code userData} is only filled where the contract shows it.
 * {@code receivedDate} (agents only) is when the chat last entered a queue, so a desktop shows its time in queue,
 * as GWS's chat resource does (https://docs.genesys.com/Documentation:HTCC:API:WorkbinAddInteractionToGW:8.5.2).
 */
public record ChatView(String id, String state, List<Party> participants, List<String> capabilities, String uri,
        Map<String, Object> userData, String receivedDate) {
}
