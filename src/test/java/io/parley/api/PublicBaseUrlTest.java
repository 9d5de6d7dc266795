package io.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.BehindProxyWithPublicUrl;
import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A configured public base URL is what every URI starts with, whatever even a trusted proxy forwards. */
@QuarkusTest
@TestProfile(BehindProxyWithPublicUrl.class)
class PublicBaseUrlTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void theConfiguredBaseUrlWins() {
        ForwardedHeadersTest.Uris uris = ForwardedHeadersTest.startChat(Map.of("X-Forwarded-Host", "chat.example.org",
                "X-Forwarded-Proto", "https"));

        String expected = BehindProxyWithPublicUrl.PUBLIC_BASE_URL + "/api/v2/chats/" + uris.chatId();
        assertEquals(expected, uris.reply());
        assertEquals(expected, uris.offer());
    }
}
