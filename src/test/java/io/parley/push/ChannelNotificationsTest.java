package io.parley.push;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.parley.support.CometdClient;
import io.parley.support.CometdClient.Received;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Channel state changes pushed on {@code /v2/me/channels}, over the stock CometD client and as SSE events, with
 * GWS's shape: {@code channels} with each channel's {@code userState}
 * (https://docs.genesys.com/Documentation:HTCC:API:CometdNotification:8.5.0).
 */
@QuarkusTest
class ChannelNotificationsTest {

    private static final String CHANNELS = "/v2/me/channels";

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    @DisplayName("NotReady with a reasonCode, then Ready, reach a stock CometD client subscribed to /v2/me/channels")
    void overCometd() {
        Agent agent = Parley.readyAgent("chanbayeux");
        try (CometdClient cometd = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING, agent.token(),
                TokenIn.HEADER, false, CHANNELS)) {
            ok(as(agent.token()).body(Map.of("operationName", "NotReady", "reasonCode", "Break"))
                    .post("/api/v2/me/channels/chat"));
            ok(as(agent.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));

            Received notReady = cometd.next();
            Received ready = cometd.next();

            assertEquals(CHANNELS, notReady.channel());
            assertChannelState(notReady.json(), "NotReady", "Break");
            assertEquals(CHANNELS, ready.channel());
            assertChannelState(ready.json(), "Ready", null);
        }
    }

    @Test
    @DisplayName("a subscription to /v2/me/* is accepted and carries chats and channels on their own channels")
    void wildcard() {
        Agent agent = Parley.readyAgent("chanwild");
        try (CometdClient cometd = CometdClient.connect(Parley.sseUrl(), Transport.WEBSOCKET, agent.token(),
                TokenIn.HANDSHAKE_EXT, false, "/v2/me/*")) {
            ok(as(agent.token()).body(Map.of("operationName", "NotReady")).post("/api/v2/me/channels/chat"));

            Received notReady = cometd.next();

            assertEquals(CHANNELS, notReady.channel());
            assertChannelState(notReady.json(), "NotReady", null);
        }
    }

    @Test
    @DisplayName("SSE streams carry channel changes as events named /v2/me/channels, with the chat events' ids")
    void overSse() {
        Agent agent = Parley.createAgent("chansse");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            ok(as(agent.token()).body(Map.of("operationName", "StartContactCenterSession", "channels",
                    List.of("chat"))).post("/api/v2/me"));
            ok(as(agent.token()).body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));

            SseClient.Event started = sse.nextChannelState(Duration.ofSeconds(10));
            SseClient.Event ended = sse.nextChannelState(Duration.ofSeconds(10));

            assertEquals(CHANNELS, started.event());
            assertChannelState(started.json(), "NotReady", null);
            assertChannelState(ended.json(), "LoggedOut", null);
            assertFalse(started.id().isEmpty());
            assertEquals(List.of(), sse.drain(Duration.ofMillis(200)), "no chat event came of it");
        }
    }

    private static void assertChannelState(JsonObject notification, String state, String reasonCode) {
        assertEquals("ChannelStateChangeMessage", notification.getString("messageType"));
        JsonObject channel = notification.getJsonArray("channels").getJsonObject(0);
        assertEquals("chat", channel.getString("channel"));
        assertEquals(state, channel.getJsonObject("userState").getString("state"));
        assertEquals(reasonCode, channel.getJsonObject("userState").getString("reasonCode"));
        if (reasonCode == null) {
            assertNull(channel.getJsonObject("userState").getValue("reasonCode"));
        }
    }
}
