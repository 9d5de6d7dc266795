package io.parley.push;

import static io.parley.support.LongPoll.deliveredIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.api.NoStackTraces;
import io.parley.support.BayeuxSocket;
import io.parley.support.LongPoll;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A CometD clientId is no credential on its own: a long-polling session answers only the browser it was
 * handshaken from (its {@code BAYEUX_BROWSER} cookie), a WebSocket session only its socket, and credentials of
 * another user are refused wherever they come. Whoever learns a clientId can neither drain nor acknowledge that
 * user's notifications.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class CometdClientIdTest {

    static final List<String> CHANNELS = List.of("/meta/connect", "/meta/subscribe", "/meta/unsubscribe",
            "/meta/disconnect");

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void theHandshakeSetsAnHttpOnlyStrictCookieForTheEndpoint() {
        Agent agent = Parley.createAgent("cookie");
        String handshake = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]}]";
        Response plain = LongPoll.as(agent.token()).request().body(handshake).post("/api/v2/notifications");
        String cookie = plain.getHeader("Set-Cookie");
        // attribute names are case-insensitive (Netty writes HTTPOnly)
        assertTrue(cookie != null && cookie.matches("BAYEUX_BROWSER=[0-9a-f]{32}; (?i)Path=/api/v2/notifications;"
                + " HttpOnly; SameSite=Strict"), cookie);

        // a client's own X-Forwarded-Proto is not believed (TrustedProxyTest shows a trusted proxy's is)
        Response claimingTls = LongPoll.as(agent.token()).request().header("X-Forwarded-Proto", "https")
                .body(handshake).post("/api/v2/notifications");
        String notSecure = claimingTls.getHeader("Set-Cookie");
        assertFalse(notSecure.toLowerCase().contains("secure"), notSecure);
        assertNotEquals(plain.getCookie("BAYEUX_BROWSER"), claimingTls.getCookie("BAYEUX_BROWSER"));

        // a second tab of the same browser keeps the browser's cookie, and both tabs' sessions work with it
        LongPoll first = LongPoll.subscribed(agent.token(), false);
        Response second = LongPoll.as(agent.token()).request().cookie(LongPoll.COOKIE, first.browser())
                .body(handshake).post("/api/v2/notifications");
        assertNull(second.getHeader("Set-Cookie"));
        String secondId = new JsonArray(second.asString()).getJsonObject(0).getString("clientId");
        for (LongPoll tab : List.of(first, first.posingAs(secondId, first.browser()))) {
            assertEquals(true, tab.connect(null).getJsonObject(0).getBoolean("successful"), tab.clientId());
        }
        // a refused handshake sets nothing
        Response refused = LongPoll.as(null).request().body(handshake).post("/api/v2/notifications");
        assertEquals("401::Authentication failed", new JsonArray(refused.asString()).getJsonObject(0)
                .getString("error"));
        assertNull(refused.getHeader("Set-Cookie"));
    }

    /** Without the browser's cookie a clientId is unknown, with or without the user's own token. */
    @Test
    void aClientIdWithoutItsBrowsersCookieIsUnknown() {
        Agent agent = Parley.readyAgent("victim");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            LongPoll victim = LongPoll.subscribed(agent.token(), true);
            String otherBrowser = LongPoll.subscribed(agent.token(), false).browser();
            assertNotEquals(victim.browser(), otherBrowser);
            for (LongPoll thief : List.of(LongPoll.as(null).posingAs(victim.clientId(), null),
                    LongPoll.as(agent.token()).posingAs(victim.clientId(), null),
                    LongPoll.as(agent.token()).posingAs(victim.clientId(), otherBrowser),
                    LongPoll.as(agent.token()).posingAs(victim.clientId(), "not-a-browser-cookie"))) {
                assertRefusedOnEveryChannel(thief, "402::Unknown client");
            }

            // nothing changed: the session is subscribed, and what it was sent is still its own to acknowledge
            Customer firstL = Parley.startChat("FirstL");
            String offer = sse.nextOfType("StatusChange").id();
            JsonArray delivered = victim.connect(0L);
            assertEquals(List.of(offer), deliveredIds(delivered));
            // the cookie goes with the clientId, the token need not
            assertEquals(List.of(offer), deliveredIds(LongPoll.as(null).posingAs(victim.clientId(),
                    victim.browser()).connect(0L)));
            CometdAcknowledgementTest.leave(firstL);
        }
    }

    /** Credentials of another user are refused in the header and in ext alike; invalid ones get 401. */
    @Test
    void credentialsOfAnotherUserAreRefusedWhereverTheyCome() {
        Agent agent = Parley.createAgent("owner");
        Agent other = Parley.createAgent("intruder");
        LongPoll owner = LongPoll.subscribed(agent.token(), false);
        assertRefusedOnEveryChannel(LongPoll.as(other.token()).posingAs(owner.clientId(), owner.browser()),
                "402::Unknown client");
        LongPoll cookieOnly = LongPoll.as(null).posingAs(owner.clientId(), owner.browser());
        for (String ext : List.of("{\"access_token\":\"" + other.token() + "\"}",
                "{\"authorization\":\"Bearer " + other.token() + "\"}",
                "{\"authorization\":\"" + other.token() + "\"}")) {
            for (LongPoll sender : List.of(cookieOnly, owner)) {
                JsonObject reply = sender.send(connectWithExt(owner.clientId(), ext)).getJsonObject(0);
                assertEquals("402::Unknown client", reply.getString("error"), ext);
            }
        }
        JsonObject forged = cookieOnly.send(connectWithExt(owner.clientId(), "{\"access_token\":\"forged\"}"))
                .getJsonObject(0);
        assertEquals("401::Authentication failed", forged.getString("error"));
        JsonObject own = cookieOnly.send(connectWithExt(owner.clientId(), "{\"access_token\":\"" + agent.token()
                + "\"}")).getJsonObject(0);
        assertEquals(true, own.getBoolean("successful"), own.encode());

        // a handshake whose header and ext name two users authenticates neither
        JsonObject mixed = LongPoll.as(agent.token()).send("{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":{\"access_token\":\"" + other.token()
                + "\"}}").getJsonObject(0);
        assertEquals("401::Authentication failed", mixed.getString("error"));

        // over a WebSocket too: the socket's own session, with another user's token in ext
        try (BayeuxSocket socket = BayeuxSocket.subscribed(agent.token(), false)) {
            JsonObject reply = socket.send(connectWithExt(socket.clientId(), "{\"access_token\":\""
                    + other.token() + "\"}")).getJsonObject(0);
            assertEquals("402::Unknown client", reply.getString("error"));
            assertEquals(true, socket.connect(null).getJsonObject(0).getBoolean("successful"));
        }
    }

    /** A session handshaken over a WebSocket answers on that socket only. */
    @Test
    void aWebSocketSessionAnswersOnlyItsSocket() {
        Agent agent = Parley.createAgent("socket");
        try (BayeuxSocket own = BayeuxSocket.subscribed(agent.token(), false);
                BayeuxSocket another = BayeuxSocket.open(agent.token())) {
            JsonObject elsewhere = another.send(BayeuxSocket.connectMessage(own.clientId(), null)).getJsonObject(0);
            assertEquals("402::Unknown client", elsewhere.getString("error"));
            LongPoll sameUser = LongPoll.subscribed(agent.token(), false);
            assertRefusedOnEveryChannel(sameUser.posingAs(own.clientId(), sameUser.browser()),
                    "402::Unknown client");
            assertEquals(true, own.connect(null).getJsonObject(0).getBoolean("successful"));
        }
    }

    /**
     * A long-polling session may go on over a WebSocket its browser opens (a client switching transports): the
     * upgrade carries the cookie. Without it, the clientId is unknown there.
     */
    @Test
    void aLongPollingSessionGoesOnOverAWebSocketOfItsBrowser() {
        Agent agent = Parley.createAgent("switcher");
        LongPoll polling = LongPoll.subscribed(agent.token(), false);
        try (BayeuxSocket sameBrowser = BayeuxSocket.open(null, polling.browser());
                BayeuxSocket stranger = BayeuxSocket.open(agent.token())) {
            JsonObject refused = stranger.send(BayeuxSocket.connectMessage(polling.clientId(), null)).getJsonObject(0);
            assertEquals("402::Unknown client", refused.getString("error"));
            JsonObject served = sameBrowser.send(BayeuxSocket.connectMessage(polling.clientId(), null))
                    .getJsonObject(0);
            assertEquals(true, served.getBoolean("successful"), served.encode());
            assertFalse(sameBrowser.isClosed());
        }
    }

    private static String connectWithExt(String clientId, String ext) {
        return "{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\",\"connectionType\":\"long-polling\","
                + "\"advice\":{\"timeout\":0},\"ext\":" + ext + "}";
    }

    private static void assertRefusedOnEveryChannel(LongPoll sender, String error) {
        for (String channel : CHANNELS) {
            JsonObject reply = sender.send("{\"channel\":\"" + channel + "\",\"clientId\":\"" + sender.clientId()
                    + "\",\"connectionType\":\"long-polling\",\"subscription\":\"" + LongPoll.CHANNEL
                    + "\",\"advice\":{\"timeout\":0}}").getJsonObject(0);
            assertEquals(false, reply.getBoolean("successful"), channel);
            assertEquals(error, reply.getString("error"), channel);
            assertEquals("handshake", reply.getJsonObject("advice").getString("reconnect"), channel);
        }
    }
}
