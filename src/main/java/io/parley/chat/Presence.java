package io.parley.chat;

/**
 * Where a participant stands in the chat. {@code LeftChat} is the last agent who left while the customer is still
 * there: the chat stays on that agent's desk (so it can be transferred or completed) but the agent is no longer
 * a party the others see.
 */
public enum Presence {
    Joined,
    LeftChat,
    Gone
}
