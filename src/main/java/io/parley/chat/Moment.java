package io.parley.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** When an operation happens and the base URL the URIs it writes start with. */
public record Moment(long now, String baseUrl) {

    /**
     * GWS writes a space between date and time and a numeric offset without a colon, e.g.
     * {@code 2015-11-19 12:30:20.000+0200} (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSendCustomNotice).
     * Parley writes UTC. The one place every timestamp it renders comes from.
     */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    public static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    public String timestamp() {
        return timestamp(now);
    }

    public String chatUri(String chatId) {
        return baseUrl + "/api/v2" + chatPath(chatId);
    }

    public static String chatPath(String chatId) {
        return "/chats/" + chatId;
    }

    public String userUri(String userId) {
        return baseUrl + "/api/v2" + userPath(userId);
    }

    public static String userPath(String userId) {
        return "/users/" + userId;
    }
}
