package io.parley.chat;

/** The configurable limits the chat rules enforce. */
public record Policy(long offerTimeoutMillis, int maxParties, int maxChatsPerAgent) {
}
