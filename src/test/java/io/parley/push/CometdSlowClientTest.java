package io.parley.push;

import static io.parley.support.LongPoll.ack;
import static io.parley.support.LongPoll.deliveredIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.api.InviteFlowTestAccess;
import io.parley.api.NoStackTraces;
import io.parley.support.LongPoll;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RawWebSocket;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a CometD client that does not keep up may cost: no connect reply carries more than
 * {@code parley.notifications.max-unsent-bytes} of notifications (the default, 256 KiB, here), and a WebSocket whose
 * client leaves more than that unread is closed; with the acknowledge extension its next handshake gets everything.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class CometdSlowClientTest {

    static final int MAX_UNSENT = 262_144;
    /** 20 messages of 16 KiB: more than one connect reply may carry. */
    static final int MESSAGES = 20;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void aConnectReplyCarriesAtMostTheBoundAndTheNextOneTheRest() {
        Agent agent = Parley.readyAgent("reader");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTestAccess.chattingWith(agent, sse);
            LongPoll desk = LongPoll.subscribed(agent.token(), true);
            long batch = ack(desk.connect(0L));
            List<String> sent = chatter(customer, sse);

            JsonArray first = desk.connect(batch);
            assertTrue(deliveredIds(first).size() < MESSAGES, deliveredIds(first).size() + " notifications at once");
            assertTrue(dataBytes(first) <= MAX_UNSENT + 17_000, dataBytes(first) + " bytes at once");
            List<String> received = new ArrayList<>(deliveredIds(first));
            received.addAll(deliveredIds(desk.connect(ack(first))));
            assertEquals(sent, received);
            CometdAcknowledgementTest.leave(customer);
        }
    }

    /**
     * A client asks again and again for what it has not acknowledged and reads nothing: its socket is closed once
     * the bound is passed, instead of buffering one copy per ask. Handshaking again, it gets every notification.
     */
    @Test
    void aWebSocketWhoseClientStopsReadingIsClosedAndItsClientLosesNothing() throws InterruptedException {
        Agent agent = Parley.readyAgent("stalled");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null);
                RawWebSocket stalled = RawWebSocket.open(agent.token(), 4096)) {
            Customer customer = InviteFlowTestAccess.chattingWith(agent, sse);
            stalled.send("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                    + "\"supportedConnectionTypes\":[\"websocket\"],\"ext\":{\"ack\":true}}]");
            String clientId = new JsonArray(stalled.read().text()).getJsonObject(0).getString("clientId");
            stalled.send("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId
                    + "\",\"subscription\":\"/v2/me/chats\"}]");
            assertEquals(true, new JsonArray(stalled.read().text()).getJsonObject(0).getBoolean("successful"));
            List<String> sent = chatter(customer, sse);

            // each connect acknowledges nothing, so each is answered with everything again (up to the bound); a
            // little apart, since a connect arriving before the last one's reply is written answers that one empty
            String connect = "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId
                    + "\",\"connectionType\":\"websocket\",\"advice\":{\"timeout\":0},\"ext\":{\"ack\":0}}]";
            try {
                for (int i = 0; i < 100; i++) {
                    stalled.send(connect);
                    Thread.sleep(25);
                }
            } catch (UncheckedIOException closedMeanwhile) {
                // the server closed the connection while this client was still asking
            }
            int status = stalled.readToEnd(30_000);
            assertTrue(status == 1013 || status == -1, "closed with " + status);

            LongPoll back = LongPoll.subscribed(agent.token(), true);
            List<String> received = new ArrayList<>();
            long batch = 0;
            while (received.size() < MESSAGES) {
                JsonArray replies = back.connect(batch);
                assertTrue(!deliveredIds(replies).isEmpty(), "only " + received.size() + " of " + MESSAGES);
                received.addAll(deliveredIds(replies));
                batch = ack(replies);
            }
            assertEquals(sent, received);
            CometdAcknowledgementTest.leave(customer);
        }
    }

    /** The customer sends {@link #MESSAGES} messages of 16 KiB; the ids of the agent's notifications of them. */
    private static List<String> chatter(Customer customer, SseClient agentStream) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Parley.customerOperate(customer, Map.of("operationName", "SendMessage", "text",
                    (char) ('a' + i) + "x".repeat(16_383)));
            ids.add(agentStream.nextOfType("NewMessages").id());
        }
        return ids;
    }

    private static long dataBytes(JsonArray replies) {
        long bytes = 0;
        for (int i = 0; i < replies.size(); i++) {
            JsonObject message = replies.getJsonObject(i);
            if (message.containsKey("data")) {
                bytes += message.getJsonObject("data").encode().length();
            }
        }
        return bytes;
    }
}
