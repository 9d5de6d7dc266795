package io.parley.push.bayeux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The protocol without I/O: replies, errors, and how acknowledgements move a session's positions. */
class BayeuxTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Bayeux.Settings SETTINGS = new Bayeux.Settings(25_000, 0, 10_000);
    static final BayeuxUser AGENT = new BayeuxUser("u:agent", "/v2/me/chats");
    static final BayeuxUser OTHER = new BayeuxUser("u:other", "/v2/me/chats");
    static final Connection BROWSER = Connection.longPolling("b1");

    static BayeuxMessage message(String json) {
        try {
            return BayeuxMessage.of(JSON.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static final BayeuxMessage HANDSHAKE = message("""
            {"id":"1","channel":"/meta/handshake","version":"1.0",
             "supportedConnectionTypes":["websocket","long-polling"],"ext":{"ack":true}}""");

    /** One message from the session's own browser, with no credentials on it. */
    static Bayeux.Step receive(BayeuxSession session, String json) {
        return Bayeux.receive(session, message(json), List.of(), BROWSER, SETTINGS);
    }

    static BayeuxSession session(boolean acks) {
        return BayeuxSession.start("c1", AGENT, BROWSER, acks, "5-0").subscribed(true);
    }

    @Test
    void handshakeAcceptedWithAdviceAndAcks() {
        assertTrue(Bayeux.refuseHandshake(HANDSHAKE, AGENT).isEmpty());
        Bayeux.Step.Answer answer = Bayeux.handshake(HANDSHAKE, AGENT, "c1", "5-0", BROWSER, SETTINGS);
        ObjectNode reply = answer.reply();
        assertEquals("/meta/handshake", reply.path("channel").asText());
        assertEquals("1", reply.path("id").asText());
        assertTrue(reply.path("successful").asBoolean());
        assertEquals("c1", reply.path("clientId").asText());
        assertEquals("retry", reply.path("advice").path("reconnect").asText());
        assertEquals(25_000, reply.path("advice").path("timeout").asLong());
        assertEquals(0, reply.path("advice").path("interval").asLong());
        assertTrue(reply.path("ext").path("ack").asBoolean());
        assertEquals("5-0", answer.session().cursor());
        assertFalse(answer.session().subscribed());
    }

    @Test
    void handshakeRefusals() {
        assertEquals("401::Authentication failed", Bayeux.refuseHandshake(HANDSHAKE, null).orElseThrow()
                .path("error").asText());
        assertEquals("none", Bayeux.refuseHandshake(HANDSHAKE, null).orElseThrow()
                .path("advice").path("reconnect").asText());
        assertEquals("400::Unknown transport", Bayeux.refuseHandshake(message("""
                {"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":["callback-polling"]}"""),
                AGENT).orElseThrow().path("error").asText());
        assertEquals("400:version:Missing field", Bayeux.refuseHandshake(message("""
                {"channel":"/meta/handshake","supportedConnectionTypes":["websocket"]}"""), AGENT).orElseThrow()
                .path("error").asText());
        assertEquals("400:supportedConnectionTypes:Missing field", Bayeux.refuseHandshake(message("""
                {"channel":"/meta/handshake","version":"1.0","supportedConnectionTypes":"websocket"}"""), AGENT)
                .orElseThrow().path("error").asText());
    }

    @Test
    void unknownOrForeignClientIdIsUnknown() {
        BayeuxMessage connect = message("""
                {"channel":"/meta/connect","clientId":"c1","connectionType":"long-polling"}""");
        BayeuxSession overSocket = BayeuxSession.start("c1", AGENT, Connection.webSocket("s1", null).binding(), false,
                "5-0");
        for (Bayeux.Step step : List.of(Bayeux.receive(null, connect, List.of(AGENT), BROWSER, SETTINGS),
                Bayeux.receive(session(false), connect, List.of(OTHER), BROWSER, SETTINGS),
                Bayeux.receive(session(false), connect, List.of(AGENT, OTHER), BROWSER, SETTINGS),
                Bayeux.receive(session(false), connect, List.of(AGENT), Connection.longPolling(null), SETTINGS),
                Bayeux.receive(session(false), connect, List.of(AGENT), Connection.longPolling("b2"), SETTINGS),
                Bayeux.receive(session(false), connect, List.of(AGENT), Connection.webSocket("s1", "b2"), SETTINGS),
                Bayeux.receive(overSocket, connect, List.of(AGENT), Connection.webSocket("s2", "b1"), SETTINGS),
                Bayeux.receive(overSocket, connect, List.of(AGENT), BROWSER, SETTINGS))) {
            Bayeux.Step.Answer answer = assertInstanceOf(Bayeux.Step.Answer.class, step);
            assertEquals("402::Unknown client", answer.reply().path("error").asText());
            assertEquals("handshake", answer.reply().path("advice").path("reconnect").asText());
            assertNull(answer.session());
        }
        // the browser's cookie goes with the clientId: no token is needed on every message
        assertInstanceOf(Bayeux.Step.Hold.class, Bayeux.receive(session(false), connect, List.of(), BROWSER,
                SETTINGS));
        // a long-polling session may go on over a WebSocket its browser opened; a WebSocket's only on itself
        assertInstanceOf(Bayeux.Step.Hold.class, Bayeux.receive(session(false), connect, List.of(AGENT),
                Connection.webSocket("s3", "b1"), SETTINGS));
        assertInstanceOf(Bayeux.Step.Hold.class, Bayeux.receive(overSocket, connect, List.of(AGENT),
                Connection.webSocket("s1", null), SETTINGS));
    }

    @Test
    void credentialsThatDisagreeAuthenticateNobody() {
        assertEquals(AGENT, Bayeux.claimant(List.of(AGENT)));
        assertEquals(AGENT, Bayeux.claimant(List.of(AGENT, new BayeuxUser("u:agent", "/v2/me/chats"))));
        assertNull(Bayeux.claimant(List.of()));
        assertNull(Bayeux.claimant(List.of(AGENT, OTHER)));
    }

    @Test
    void onlyTheUsersOwnChannelMayBeSubscribed() {
        BayeuxSession fresh = BayeuxSession.start("c1", AGENT, BROWSER, false, "5-0");
        Bayeux.Step.Answer own = (Bayeux.Step.Answer) receive(fresh, """
                {"channel":"/meta/subscribe","clientId":"c1","subscription":"/v2/me/chats"}""");
        assertTrue(own.reply().path("successful").asBoolean());
        assertTrue(own.session().subscribed());
        for (String channel : List.of("/v2/chats", "/v2/users/x/chats", "/**", "/meta/connect")) {
            Bayeux.Step.Answer other = (Bayeux.Step.Answer) Bayeux.receive(fresh, message(
                    "{\"channel\":\"/meta/subscribe\",\"clientId\":\"c1\",\"subscription\":\"" + channel + "\"}"),
                    List.of(AGENT), BROWSER, SETTINGS);
            assertEquals("403:" + channel + ":Subscription forbidden", other.reply().path("error").asText());
            assertFalse(other.session().subscribed());
        }
        Bayeux.Step.Answer sneaky = (Bayeux.Step.Answer) receive(fresh, """
                {"channel":"/meta/subscribe","clientId":"c1","subscription":"/a:b"}""");
        assertEquals("403::Subscription forbidden", sneaky.reply().path("error").asText());
    }

    @Test
    void misuseGetsBayeuxErrors() {
        BayeuxSession session = session(false);
        assertEquals("400:connectionType:Missing field", receive(session, """
                {"channel":"/meta/connect","clientId":"c1"}""").reply().path("error").asText());
        assertEquals("400::Unknown transport", receive(session, """
                {"channel":"/meta/connect","clientId":"c1","connectionType":"iframe"}""")
                .reply().path("error").asText());
        assertEquals("400:subscription:Missing field", receive(session, """
                {"channel":"/meta/subscribe","clientId":"c1"}""").reply().path("error").asText());
        assertEquals("403:/v2/me/chats:Publish forbidden", receive(session, """
                {"channel":"/v2/me/chats","clientId":"c1","data":{}}""").reply().path("error")
                .asText());
        assertEquals("400:/meta/nonsense:Unknown channel", receive(session, """
                {"channel":"/meta/nonsense","clientId":"c1"}""").reply().path("error").asText());
        assertEquals("400:channel:Missing field", receive(session, """
                {"channel":42,"clientId":"c1"}""").reply().path("error").asText());
    }

    @Test
    void connectIsHeldForTheAdvisedTimeoutOrLessWhenTheClientAsks() {
        Bayeux.Step.Hold held = (Bayeux.Step.Hold) receive(session(false), """
                {"channel":"/meta/connect","clientId":"c1","connectionType":"websocket"}""");
        assertEquals(25_000, held.timeout());
        Bayeux.Step.Hold first = (Bayeux.Step.Hold) receive(session(false), """
                {"channel":"/meta/connect","clientId":"c1","connectionType":"websocket","advice":{"timeout":0}}""");
        assertEquals(0, first.timeout());
    }

    @Test
    void batchesAreNumberedAndWhatWasNotAcknowledgedIsResent() {
        BayeuxSession s = session(true);
        s = s.sent("6-0");
        assertEquals(1, s.batch());
        assertEquals("6-0", s.cursor());
        assertEquals("5-0", s.acked());
        s = s.sent("7-0");
        assertEquals(2, s.batch());
        // the client got batch 1 but not batch 2: delivery resumes after batch 1
        BayeuxSession resumed = s.acknowledge(1);
        assertEquals("6-0", resumed.acked());
        assertEquals("6-0", resumed.cursor());
        assertTrue(resumed.unacked().isEmpty());
        // an acknowledgement of nothing it knows resends everything after the last acknowledged position
        BayeuxSession lost = s.acknowledge(0);
        assertEquals("5-0", lost.cursor());
        // an empty batch keeps the cursor and is numbered too
        BayeuxSession empty = resumed.sent(null);
        assertEquals(3, empty.batch());
        assertEquals("6-0", empty.cursor());
        assertEquals(3, Bayeux.connected(JSON.createObjectNode(), empty).path("ext").path("ack").asLong());
    }

    @Test
    void aBatchNeverSentAcknowledgesNothing() {
        BayeuxSession s = session(true).sent("6-0").sent("7-0");
        assertEquals(s, s.acknowledge(3));
        assertEquals(s, s.acknowledge(999_999));
        Bayeux.Step.Hold held = (Bayeux.Step.Hold) receive(s, """
                {"channel":"/meta/connect","clientId":"c1","connectionType":"long-polling","ext":{"ack":999999}}""");
        assertEquals("7-0", held.session().cursor(), "nothing is sent again");
        assertEquals("5-0", held.session().acked(), "nothing is acknowledged");
        // the batches sent stay pending: a real acknowledgement still finds them
        assertEquals("7-0", held.session().acknowledge(2).acked());
        assertEquals("6-0", held.session().acknowledge(1).cursor());
    }

    @Test
    void aClientThatNeverAcknowledgesKeepsABoundedNumberOfBatches() {
        BayeuxSession s = session(true);
        for (int i = 1; i <= 100; i++) {
            s = s.sent(i + 5 + "-0");
        }
        assertEquals(32, s.unacked().size(), "BayeuxSession.MAX_PENDING");
        assertEquals("105-0", s.acknowledge(100).acked());
        assertEquals("100-0", s.acknowledge(95).acked());
        // a batch forgotten meanwhile resends from the acknowledged position: duplicates, never a loss
        BayeuxSession forgotten = s.acknowledge(1);
        assertEquals("5-0", forgotten.acked());
        assertEquals("5-0", forgotten.cursor());
    }

    @Test
    void withoutAcksASentBatchCountsAsAcknowledged() {
        BayeuxSession s = session(false).sent("6-0");
        assertEquals("6-0", s.acked());
        assertEquals(s, s.acknowledge(0));
        assertTrue(Bayeux.connected(JSON.createObjectNode(), s).path("ext").isMissingNode());
    }

    @Test
    void aDeliveryCarriesTheNotificationJsonUnmodified() throws Exception {
        String notification = "{\"notificationType\":\"NewMessages\",\"messages\":[{\"index\":3}]}";
        String written = JSON.writeValueAsString(Bayeux.delivery("/v2/me/chats", "7-0", notification));
        assertEquals("{\"channel\":\"/v2/me/chats\",\"id\":\"7-0\",\"data\":" + notification + "}", written);
    }
}
