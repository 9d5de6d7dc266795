package io.parley.push;

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
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
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

    static JsonObject json(String text) {
        return new JsonObject(text);
    }

    static void unused() {
        as("");
    }
}
