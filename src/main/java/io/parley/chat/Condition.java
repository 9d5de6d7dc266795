package io.parley.chat;

/**
 * What must still hold when a decision is committed, because it was decided on state that lives outside the chat
 * (an agent's readiness or load). If it no longer holds, the commit is refused and the operation is decided again.
 */
public sealed interface Condition {

    record AgentReady(String userId) implements Condition {
    }

    record AgentBelowCapacity(String userId, int maxChats) implements Condition {
    }
}
