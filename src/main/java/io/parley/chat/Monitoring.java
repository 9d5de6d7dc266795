package io.parley.chat;

/**
 * A supervisor's standing request to join an agent's chats (Monitor, Coach or BargeIn on the agent's chat channel):
 * from then on, each chat the agent accepts brings the supervisor in, in {@code mode}, under {@code nickname}.
 */
public record Monitoring(String supervisorId, SupervisorMode mode, MonitoringScope scope, String nickname) {
}
