package io.parley.chat;

import java.util.List;
import java.util.Map;

/**
 * The chat as one viewer sees it: the {@code chat} object of notifications and GETs. {@code state} and
 * {@code capabilities} are the viewer's own; {@code userData} is only filled where the contract shows it.
 * {@code receivedDate} is when the chat last entered a queue (the customer's start, for a chat never transferred to
 * one), in GWS's timestamp form, so a desktop shows its time in queue as GWS's chat resource does
 * (https://docs.genesys.com/Documentation:HTCC:API:WorkbinAddInteractionToGW:8.5.2); {@code chatType} is
 * {@value #INBOUND} for every chat Parley serves, as they all come from a customer.
 */
public record ChatView(String id, String state, List<Party> participants, List<String> capabilities, String uri,
        String chatType, String receivedDate, Map<String, Object> userData) {

    public static final String INBOUND = "Inbound";
}
