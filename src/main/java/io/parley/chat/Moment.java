package io.parley.chat;

/** When an operation happens and the base URL the URIs it writes start with. */
public record Moment(long now, String baseUrl) {

    public String chatUri(String chatId) {
        return baseUrl + "/api/v2/chats/" + chatId;
    }
}
