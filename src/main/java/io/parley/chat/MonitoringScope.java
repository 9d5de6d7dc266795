package io.parley.chat;

/**
 * Which of the agent's chats a standing monitoring joins, GWS's {@code supervisorMonitoringMode}
 * (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatMonitor): the next one only, or every one until it is
 * cancelled (the default).
 */
public enum MonitoringScope {
    NextChat,
    AllChats
}
