package io.parley.chat;

/**
 * Whose notification log a notification goes to: an agent (by user id) or one chat's customer. The address is
 * also the token subject of a customer, so the push side can find the log of whoever connects.
 */
public record Recipient(String address) {

    public static Recipient agent(String userId) {
        return new Recipient("u:" + userId);
    }

    public static Recipient customer(String chatId, String participantId) {
        return new Recipient("c:" + chatId + ":" + participantId);
    }
}
