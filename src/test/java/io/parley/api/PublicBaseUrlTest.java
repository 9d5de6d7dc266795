package io.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.BehindProxyWithPublicUrl;
import io.parley.support.Gws;
import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A configured public base URL is what every URI starts with, whatever even a trusted proxy forwards; an https one
 * makes the session cookie Secure.
 */
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

    @Test
    void theSessionCookieIsSecureUnderAnHttpsPublicBaseUrl() {
        Parley.Agent agent = Parley.createAgent("secure");

        String setCookie = Gws.basicRequest(agent.userName(), "password-" + agent.userName()).get("/api/v2/me")
                .then().statusCode(200).extract().header("Set-Cookie");

        assertTrue(setCookie.matches("JSESSIONID=[0-9a-f]{32}; Path=/; (?i:Secure); (?i:HttpOnly); SameSite=Strict"),
                setCookie);
    }
}
