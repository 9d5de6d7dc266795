package io.parley;

import static io.parley.support.Parley.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.chat.Actor;
import io.parley.chat.Availability;
import io.parley.chat.ChatRules;
import io.parley.chat.MessageType;
import io.parley.chat.Moment;
import io.parley.chat.Operation;
import io.parley.chat.Outcome;
import io.parley.store.ChatRepository;
import io.parley.store.Keys;
import io.parley.support.CometdClient;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisProbe;
import io.parley.support.Scrape;
import io.parley.support.SseClient;
import io.parley.support.WakeUpConnection;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What an operator scrapes from {@code /q/metrics}: each family moves when what it counts happens, driven through
 * the real API, push transports and Redis, and no label carries a chat, user or participant id.
 */
@QuarkusTest
@TestProfile(MetricsTest.QuickTimers.class)
class MetricsTest {

    /** Offers lapse after 2 s, and the queue length is read often, so that both can be watched moving. */
    public static class QuickTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.offer.timeout", "2000ms", "parley.metrics.queue-refresh", "1s");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @Inject
    Keys keys;

    @Inject
    ChatRepository chats;

    @Inject
    ChatRules rules;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void operationsAreTimedByNameAndStatusCode() {
        Scrape before = Scrape.now();
        Agent agent = Parley.readyAgent("metered");
        Customer customer = offeredTo(agent, "MeteredCustomer");
        Parley.operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Metered"));
        Parley.operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "hello"));
        int refused = as(agent.token()).body(Map.of("operationName", "Accept", "nickname", "Again"))
                .post("/api/v2/me/chats/" + customer.chatId()).then().extract().path("statusCode");
        int unknown = as(agent.token()).body(Map.of("operationName", "Dance"))
                .post("/api/v2/me/chats/" + customer.chatId()).then().extract().path("statusCode");
        Parley.customerOperate(customer, Map.of("operationName", "Leave"));

        Scrape after = Scrape.now();
        assertNotEquals(0, refused, "accepting twice is refused");
        assertNotEquals(0, unknown, "an unknown operation is refused");
        for (String name : List.of("StartContactCenterSession", "Ready", "StartChat", "Accept", "SendMessage",
                "Leave")) {
            assertMoved(before, after, 1, "parley_operations_seconds_count", "operationName", name, "statusCode", "0");
        }
        assertMoved(before, after, 1, "parley_operations_seconds_count", "operationName", "Accept", "statusCode",
                Integer.toString(refused));
        assertMoved(before, after, 1, "parley_operations_seconds_count", "operationName", "other", "statusCode",
                Integer.toString(unknown));
        assertMoved(before, after, 1, "parley_operations_seconds_bucket", "operationName", "SendMessage",
                "statusCode", "0", "le", "+Inf");
        assertTrue(after.value("parley_operations_seconds_sum", "operationName", "SendMessage") > 0);
        // Accept, SendMessage and Leave committed; the refusals did not
        assertMoved(before, after, 3, "parley_commit_attempts_total");
        assertMoved(before, after, 3, "parley_notifications_appended_total", "about", "chat");
        assertMoved(before, after, 2, "parley_notifications_appended_total", "about", "channel");
        assertEquals("both", after.samples().stream().filter(s -> s.name().startsWith("parley_operations"))
                .map(s -> s.labels().get("role")).distinct().reduce((a, b) -> a + "," + b).orElse(null));
        assertNoIds(after, agent, customer);
    }

    @Test
    void aCommitOvertakenByAnotherWriterIsCountedAsAConflict() {
        Agent agent = Parley.readyAgent("overtaken");
        Customer customer = offeredTo(agent, "OvertakenCustomer");
        Parley.operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Overtaken"));
        Scrape before = Scrape.now();
        AtomicInteger attempts = new AtomicInteger();

        Outcome outcome = chats.update(customer.chatId(), null, false, snapshot -> {
            if (attempts.getAndIncrement() == 0) {
                // another instance's commit lands between this writer's load and its commit
                chats.commit((Outcome.Applied) say(snapshot, new Actor.Customer(customer.participantId())),
                        snapshot.chat().version(), "");
            }
            return say(snapshot, new Actor.Agent(agent.id()));
        });

        Scrape after = Scrape.now();
        assertTrue(outcome instanceof Outcome.Applied, outcome.toString());
        assertMoved(before, after, 1, "parley_commit_conflicts_total");
        assertMoved(before, after, 2, "parley_commit_attempts_total");
        Parley.customerOperate(customer, Map.of("operationName", "Leave"));
    }

    @Test
    void pushConnectionsAndDeliveriesAreCountedByTransport() {
        Agent agent = Parley.readyAgent("pushed");
        Parley.notReady(agent);
        Scrape before = Scrape.now();
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null);
                CometdClient longPoll = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING, agent.token(),
                        TokenIn.HEADER, false, "/v2/me/chats");
                CometdClient webSocket = CometdClient.connect(Parley.sseUrl(), Transport.WEBSOCKET, agent.token(),
                        TokenIn.HEADER, false, "/v2/me/chats")) {
            await().atMost(WAIT).until(() -> moved(before, Scrape.now(), 1, "parley_sse_streams")
                    && moved(before, Scrape.now(), 2, "parley_cometd_sessions"));

            Parley.ok(as(agent.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
            Customer customer = offeredTo(agent, "PushedCustomer");
            sse.nextOfType("StatusChange");
            longPoll.next();
            webSocket.next();

            Scrape after = Scrape.now();
            for (String transport : List.of("sse", "cometd-long-poll", "cometd-websocket")) {
                assertMoved(before, after, 1, "parley_notifications_delivered_total", "transport", transport);
            }
            // long-polls post to paths below the endpoint: they share one URI label
            assertTrue(after.value("http_server_requests_seconds_count", "uri", "/api/v2/notifications/{bayeux}") > 0);
            assertTrue(after.samples().stream().noneMatch(sample -> sample.labels().getOrDefault("uri", "")
                    .contains("/meta/")), "a Bayeux channel became a URI label");
            assertNoIds(after, agent, customer);
            Parley.customerOperate(customer, Map.of("operationName", "Leave"));
        }
        await().atMost(WAIT).until(() -> Scrape.now().value("parley_sse_streams")
                < before.value("parley_sse_streams") + 1);
    }

    @Test
    void queueLengthWaitTimeAndLapsedOffersAreCounted() {
        Scrape before = Scrape.now();
        Customer waiting = Parley.startChat("QueuedCustomer");
        // the gauge shows what the queue holds, this chat included; not a rise of one over the last scrape, since a
        // chat left by another test may leave the queue meanwhile
        await().atMost(WAIT).until(() -> {
            long queued = queueLength();
            return queued >= 1 && Scrape.now().value("parley_queue_length") == queued;
        });

        Agent agent = Parley.readyAgent("silent");
        await().atMost(WAIT).until(() -> as(agent.token()).get("/api/v2/me/chats/" + waiting.chatId())
                .statusCode() == 200);
        assertMoved(before, Scrape.now(), 1, "parley_queue_wait_seconds_count");

        // the agent never answers: the offer lapses after 2 s
        await().atMost(WAIT).until(() -> moved(before, Scrape.now(), 1, "parley_offers_lapsed_total"));
        Parley.customerOperate(waiting, Map.of("operationName", "Leave"));
        await().atMost(WAIT).until(() -> Scrape.now().value("parley_queue_length")
                <= before.value("parley_queue_length"));
    }

    @Test
    void aLostWakeUpSubscriptionIsCountedAndComesBack() {
        await().atMost(WAIT).until(() -> Scrape.now().value("parley_wakeup_subscribed") == 1);
        Scrape before = Scrape.now();

        WakeUpConnection.kill(redisHosts, keys.wakeChannel());

        await().atMost(WAIT).until(() -> moved(before, Scrape.now(), 1, "parley_wakeup_resubscriptions_total"));
        Scrape after = Scrape.now();
        assertEquals(1, after.value("parley_wakeup_subscribed"));
        assertMoved(before, after, 1, "parley_redis_errors_total", "during", "wakeup");
    }

    @Test
    void theEndpointIsOpenAndItsLabelsComeFromSmallSets() {
        Scrape scrape = Scrape.now();
        Set<String> families = Set.of("parley_operations_seconds_count", "parley_commit_attempts_total",
                "parley_commit_conflicts_total", "parley_notifications_appended_total",
                "parley_notifications_delivered_total", "parley_sse_streams", "parley_cometd_sessions",
                "parley_wakeup_subscribed", "parley_wakeup_resubscriptions_total", "parley_offers_lapsed_total",
                "parley_queue_length", "parley_queue_wait_seconds_count", "parley_redis_errors_total");
        for (String family : families) {
            if (!family.equals("parley_operations_seconds_count")) {
                assertTrue(scrape.has(family), family + " is exported before anything happened");
            }
        }
        Set<String> allowed = Set.of("role", "operationName", "statusCode", "transport", "about", "during", "le");
        scrape.samples().stream().filter(s -> s.name().startsWith("parley_"))
                .forEach(s -> assertTrue(allowed.containsAll(s.labels().keySet()), s.toString()));
    }

    private Outcome say(ChatRepository.Snapshot snapshot, Actor actor) {
        return rules.decide(snapshot.chat(), actor, new Operation.Post("SendMessage", MessageType.Text, false, "hi"),
                new Moment(System.currentTimeMillis(), snapshot.baseUrl()), Availability.Unknown, List.of());
    }

    /** A new chat, once routing has offered it to {@code agent} (the only Ready agent of this test). */
    private static Customer offeredTo(Agent agent, String nickname) {
        Customer customer = Parley.startChat(nickname);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> as(agent.token())
                .get("/api/v2/me/chats/" + customer.chatId()).statusCode() == 200);
        return customer;
    }

    /** The routing queue's length as Redis holds it now. */
    private long queueLength() {
        List<String> reply = RedisProbe.command(redisHosts, "LLEN", keys.queue());
        return Long.parseLong(reply.get(reply.size() - 1).substring(1));
    }

    private static boolean moved(Scrape before, Scrape after, double by, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels) >= by;
    }

    private static void assertMoved(Scrape before, Scrape after, double by, String name, String... labels) {
        double was = before.value(name, labels);
        double is = after.value(name, labels);
        assertTrue(is - was >= by, name + " " + List.of(labels) + " went from " + was + " to " + is
                + ", expected a rise of at least " + by);
    }

    private static void assertNoIds(Scrape scrape, Agent agent, Customer customer) {
        for (String id : List.of(agent.id(), agent.userName(), customer.chatId(), customer.participantId())) {
            assertFalse(scrape.text().contains(id), "the metrics name " + id);
        }
    }
}
