package io.parley.chat;

import java.util.List;

/** The {@code data} of a notification, shaped as GWS clients receive it. */
public sealed interface Notification {

    String CHAT_STATE_CHANGE = "ChatStateChangeMessage";
    String MESSAGE_LOG_UPDATED = "MessageLogUpdated";

    /** StatusChange, ParticipantsUpdated, PropertiesUpdated or Error. */
    record ChatStateChange(String notificationType, String messageType, ChatView chat, Long referenceId,
            String errorMessage) implements Notification {

        public static ChatStateChange of(String notificationType, ChatView chat, Long referenceId) {
            return new ChatStateChange(notificationType, CHAT_STATE_CHANGE, chat, referenceId, null);
        }

        public static ChatStateChange error(ChatView chat, long referenceId, String errorMessage) {
            return new ChatStateChange("Error", CHAT_STATE_CHANGE, chat, referenceId, errorMessage);
        }
    }

    /**
     * NewMessages: messages appended to the transcript that the recipient may see. GWS writes {@code chatPath}
     * beside {@code chatUri} (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSendCustomNotice).
     */
    record NewMessages(String notificationType, String messageType, List<Message> messages, String chatUri,
            String chatPath, Long referenceId) implements Notification {

        public static NewMessages of(List<Message> messages, String chatId, Moment moment, Long referenceId) {
            return new NewMessages("NewMessages", MESSAGE_LOG_UPDATED, List.copyOf(messages), moment.chatUri(chatId),
                    Moment.chatPath(chatId), referenceId);
        }
    }
}
