package io.parley.push;

import static io.parley.support.LongPoll.ack;
import static io.parley.support.LongPoll.deliveredIds;
import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.support.CometdClient;
import io.parley.support.CometdClient.Received;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.LongPoll;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The seed's Invite scenario as a GWS desktop sees it through the stock CometD Java client, over long-polling and
 * over WebSocket: the same notifications, in the same order, with the same JSON as an SSE stream of the same agent
 * connected at the same time.
 */
@QuarkusTest
class CometdNotificationsTest {

    static final String CHANNEL = "/v2/me/chats";

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void longPollingClientReceivesTheSeedsNotificationsAsSseDoes() {
        seedOver(Transport.LONG_POLLING, TokenIn.HEADER, false);
    }

    @Test
    void websocketClientReceivesTheSeedsNotificationsAsSseDoes() {
        seedOver(Transport.WEBSOCKET, TokenIn.HANDSHAKE_EXT, false);
    }

    @Test
    void acknowledgingWebsocketClientWithHeaderTokenReceivesTheSeed() {
        seedOver(Transport.WEBSOCKET, TokenIn.HEADER, true);
    }

    @Test
    void acknowledgingLongPollingClientWithExtTokenReceivesTheSeed() {
        seedOver(Transport.LONG_POLLING, TokenIn.HANDSHAKE_EXT, true);
    }

    private void seedOver(Transport transport, TokenIn tokenIn, boolean acks) {
        Agent testName = Parley.readyAgent("testname");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), testName.token(), null);
                CometdClient cometd = CometdClient.connect(Parley.sseUrl(), transport, testName.token(), tokenIn,
                        acks, CHANNEL)) {
            Customer firstL = InviteFlowTestAccess.chattingWith(testName, sse);
            Agent bFriend = Parley.readyAgent("bfriend");
            int referenceId = operate(testName, firstL.chatId(), Map.of("operationName", "Invite", "targetUri",
                    "http://localhost:8080/api/v2/users/" + bFriend.id()));
            operate(bFriend, firstL.chatId(), Map.of("operationName", "Accept", "nickname", "BFriend"));

            SseClient.Event first = sse.next();
            SseClient.Event second = sse.next();
            InviteFlowTestAccess.assertSeedFirstNotification(first.json(), firstL.chatId(), referenceId);

            // everything SSE delivered since the client subscribed: the routing offer, the Accept, then the seed's two
            List<Received> overCometd = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                overCometd.add(cometd.next());
            }
            assertTrue(cometd.drain(Duration.ofMillis(300)).isEmpty(), "nothing more than over SSE");
            Received seedFirst = overCometd.get(3);
            Received seedSecond = overCometd.get(4);
            assertEquals(CHANNEL, seedFirst.channel());
            assertEquals(first.id(), seedFirst.id());
            assertEquals(first.json(), seedFirst.json());
            assertEquals(second.id(), seedSecond.id());
            assertEquals(second.json(), seedSecond.json());
            InviteFlowTestAccess.assertSeedFirstNotification(seedFirst.json(), firstL.chatId(), referenceId);
            InviteFlowTestAccess.assertSeedSecondNotification(seedSecond.json(), firstL.chatId(), referenceId,
                    seedFirst.json().getJsonObject("chat").getJsonArray("participants"));
            assertEquals(List.of("StatusChange", "StatusChange", "NewMessages", "ParticipantsUpdated", "NewMessages"),
                    overCometd.stream().map(r -> r.json().getString("notificationType")).toList());
        }
    }

    /**
     * The reply to a connect is lost (the desktop's connection dropped): the client's next connect acknowledges only
     * the batch before, and the server sends the lost batch's notifications again, then nothing more once
     * acknowledged. Driven message by message, since a stock client cannot be made to lose a reply on cue.
     */
    @Test
    void whatAClientDidNotAcknowledgeIsSentAgain() {
        Agent agent = Parley.readyAgent("acker");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            LongPoll desktop = LongPoll.as(agent.token());
            JsonObject handshake = desktop.handshake(true);
            assertEquals(true, handshake.getBoolean("successful"), handshake.encode());
            assertEquals(true, handshake.getJsonObject("ext").getBoolean("ack"));
            String clientId = handshake.getString("clientId");
            assertTrue(clientId.matches("[0-9a-f]{32}"), clientId);
            assertEquals(true, desktop.send("{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId
                    + "\",\"subscription\":\"/v2/me/chats\"}").getJsonObject(0).getBoolean("successful"));

            Parley.startChat("FirstL");
            String offerId = sse.nextOfType("StatusChange").id();

            JsonArray batch1 = desktop.connect(0L);
            assertEquals(List.of(offerId), deliveredIds(batch1));
            assertEquals(1, ack(batch1));
            // batch 1 never reached the client: it acknowledges nothing newer than batch 0
            JsonArray again = desktop.connect(0L);
            assertEquals(List.of(offerId), deliveredIds(again));
            assertEquals(batch1.getJsonObject(0).getJsonObject("data"), again.getJsonObject(0).getJsonObject("data"));
            JsonArray after = desktop.connect(ack(again));
            assertEquals(List.of(), deliveredIds(after));
        }
    }

    /**
     * A desktop that acknowledges crashes (no /meta/disconnect) while notifications keep coming; its next handshake,
     * a new session as after a server restart, resumes after what its user acknowledged: exactly what it missed.
     */
    @Test
    void aReHandshakeResumesAfterTheAcknowledgedPosition() {
        Agent testName = Parley.readyAgent("testname");
        Customer firstL;
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), testName.token(), null)) {
            CometdClient crashing = CometdClient.connect(Parley.sseUrl(), Transport.WEBSOCKET, testName.token(),
                    TokenIn.HEADER, true, CHANNEL);
            firstL = Parley.startChat("FirstL");
            SseClient.Event offer = sse.nextOfType("StatusChange");
            assertEquals(offer.id(), crashing.next().id());
            // its next connect, which acknowledges the offer's batch, reaches the server before it crashes
            assertTrue(crashing.drain(Duration.ofMillis(500)).isEmpty());
            crashing.abort();

            operate(testName, firstL.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));
            SseClient.Event accepted = sse.next();
            SseClient.Event joined = sse.next();

            try (CometdClient back = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING, testName.token(),
                    TokenIn.HEADER, true, CHANNEL)) {
                Received first = back.next();
                Received second = back.next();
                assertEquals(List.of(accepted.id(), joined.id()), List.of(first.id(), second.id()));
                assertEquals(accepted.json(), first.json());
                assertEquals(joined.json(), second.json());
                assertTrue(back.drain(Duration.ofMillis(500)).isEmpty(), "nothing twice");
            }
        }
    }

    /**
     * A second agent sees nothing of the first one's: it cannot subscribe to any channel but its own, its own
     * channel carries only its own notifications, and the first agent's clientId is unknown under its token.
     */
    @Test
    void anotherAgentCannotReachTheFirstAgentsNotifications() {
        Agent testName = Parley.readyAgent("testname");
        Agent other = Parley.createAgent("other");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), testName.token(), null);
                CometdClient victim = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING,
                        testName.token(), TokenIn.HEADER, false, CHANNEL);
                CometdClient intruder = CometdClient.connect(Parley.sseUrl(), Transport.WEBSOCKET, other.token(),
                        TokenIn.HEADER, false, CHANNEL)) {
            // (/v2/me/* is the intruder's own chats and channels: ChannelNotificationsTest subscribes to it)
            for (String channel : List.of("/v2/users/" + testName.id() + "/chats", "/v2/chats", "/**", "/v2/**")) {
                var refused = intruder.subscribe(channel);
                assertEquals(false, refused.isSuccessful(), channel);
                assertTrue(String.valueOf(refused.get("error")).startsWith("403:"), refused.toString());
            }

            // the first agent's clientId, under the second agent's token, is as unknown as a made-up one, even
            // with the first agent's browser cookie
            String cookie = victim.browserCookie();
            assertTrue(cookie != null && cookie.matches("[0-9a-f]{32}"), "the client keeps the cookie: " + cookie);
            for (String channel : List.of("/meta/connect", "/meta/subscribe", "/meta/unsubscribe", "/meta/disconnect")) {
                String body = as(other.token()).cookie(LongPoll.COOKIE, cookie).body("[{\"channel\":\"" + channel
                        + "\",\"clientId\":\"" + victim.clientId() + "\",\"connectionType\":\"long-polling\","
                        + "\"subscription\":\"/v2/me/chats\",\"advice\":{\"timeout\":0}}]")
                        .post("/api/v2/notifications").then().statusCode(200).extract().asString();
                JsonObject reply = new JsonArray(body).getJsonObject(0);
                assertEquals(false, reply.getBoolean("successful"), channel);
                assertEquals("402::Unknown client", reply.getString("error"), channel);
                assertEquals("handshake", reply.getJsonObject("advice").getString("reconnect"));
            }

            Parley.startChat("FirstL");
            SseClient.Event offer = sse.nextOfType("StatusChange");
            assertEquals(offer.id(), victim.next().id(), "the first agent's session still works");
            assertTrue(intruder.drain(Duration.ofMillis(500)).isEmpty());
        }
    }

    /** Bad input is answered with Bayeux errors, never with a stack trace or a session. */
    @Test
    void badInputGetsBayeuxErrors() {
        Agent agent = Parley.createAgent("careless");
        for (String body : List.of("{not json", "42", "[]", "[1]", "\"text\"")) {
            String reply = as(agent.token()).body(body).post("/api/v2/notifications/meta/connect")
                    .then().statusCode(400).extract().asString();
            assertEquals("400::Malformed message", new JsonArray(reply).getJsonObject(0).getString("error"), body);
        }
        JsonObject noTransport = bayeux(agent, "{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"callback-polling\"]}").getJsonObject(0);
        assertEquals("400::Unknown transport", noTransport.getString("error"));
        String forged = io.restassured.RestAssured.given().contentType("application/json")
                .header("Authorization", "Bearer not-a-token")
                .body("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                        + "\"supportedConnectionTypes\":[\"long-polling\"]}]")
                .post("/api/v2/notifications").then().statusCode(200).extract().asString();
        assertEquals("401::Authentication failed", new JsonArray(forged).getJsonObject(0).getString("error"));
        String anonymous = io.restassured.RestAssured.given().contentType("application/json")
                .body("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                        + "\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":{\"access_token\":\"x\"}}]")
                .post("/api/v2/notifications").then().statusCode(200).extract().asString();
        JsonObject refused = new JsonArray(anonymous).getJsonObject(0);
        assertEquals("401::Authentication failed", refused.getString("error"));
        assertEquals("none", refused.getJsonObject("advice").getString("reconnect"));
    }

    /** Posts one Bayeux message as a long-polling client does, with the agent's token. */
    static JsonArray bayeux(Agent agent, String message) {
        String body = as(agent.token()).body("[" + message + "]").post("/api/v2/notifications")
                .then().statusCode(200).extract().asString();
        return new JsonArray(body);
    }
}
