package io.parley.chat;

/** A Ready agent and how many chats are on the agent's desk (offered or joined). */
public record AgentLoad(String userId, int chats) {
}
