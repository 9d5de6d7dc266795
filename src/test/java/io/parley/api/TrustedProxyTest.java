package io.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.BehindProxy;
import io.parley.support.LongPoll;
import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Behind a proxy Parley trusts, the URIs it writes are the ones the proxy's clients use. */
@QuarkusTest
@TestProfile(BehindProxy.class)
class TrustedProxyTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void aTrustedProxysHeadersNameThePublicAddress() {
        ForwardedHeadersTest.Uris uris = ForwardedHeadersTest.startChat(Map.of("X-Forwarded-Host", "chat.example.org",
                "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443"));

        String expected = "https://chat.example.org/api/v2/chats/" + uris.chatId();
        assertEquals(expected, uris.reply());
        assertEquals(expected, uris.offer());
    }

    @Test
    void behindATlsTerminatingProxyTheCometdBrowserCookieIsSecure() {
        Parley.Agent agent = Parley.createAgent("secure-cookie");
        String cookie = LongPoll.as(agent.token()).request().header("X-Forwarded-Proto", "https")
                .body("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                        + "\"supportedConnectionTypes\":[\"long-polling\"]}]")
                .post("/api/v2/notifications").getHeader("Set-Cookie");
        assertTrue(cookie != null && cookie.toLowerCase().contains("; secure"), String.valueOf(cookie));
    }
}
