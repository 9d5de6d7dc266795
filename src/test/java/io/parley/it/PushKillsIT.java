package io.parley.it;

import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.CometdClient;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisTestResource;
import io.parley.support.ResumingSseClient;
import io.parley.support.SseClient;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A push instance killed with {@code kill -9} twenty times while a customer sends an agent 2,000 messages: SSE
 * clients resuming with their last event id end up with every message exactly once and in order; CometD clients
 * with the acknowledgement extension lose nothing either, and are sent again only the messages they had not yet
 * acknowledged when the instance died. The api and the push role run as separate processes, as deployed.
 */
class PushKillsIT {

    private static final int MESSAGES = 2_000;
    private static final int KILLS = 20;
    /** Where a CometD client handshook again, in the list of what it received. */
    private static final String HANDSHAKE = "(handshake)";

    private static final RedisTestResource REDIS = new RedisTestResource();
    private static ParleyProcess api;
    private static ParleyProcess push;
    private static Map<String, String> pushEnvironment;
    private static Path aotCache;
    private static List<String> pushOptions = List.of();

    @BeforeAll
    static void deploy() throws Exception {
        Map<String, String> redis = REDIS.start();
        Map<String, String> environment = OperatorSettings.withTokenKeys(OperatorSettings.on(redis));
        api = ParleyProcess.start("kills-api", freePort(), with(environment, "api"));
        pushEnvironment = with(environment, "push");
        // the push instance starts 22 times: from the JDK's AOT cache (JDK 25 and newer) each start takes less than
        // half as long; the first instance records the cache, which it writes when it stops
        aotCache = Path.of("target", "it-push.aot").toAbsolutePath();
        Files.deleteIfExists(aotCache);
        if (Runtime.version().feature() >= 25) {
            pushOptions = List.of("-XX:AOTCacheOutput=" + aotCache);
        }
        push = ParleyProcess.start("kills-push", freePort(), pushEnvironment, pushOptions);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = api.port();
    }

    @AfterAll
    static void undeploy() {
        for (ParleyProcess process : new ParleyProcess[] { api, push }) {
            if (process != null) {
                process.close();
            }
        }
        REDIS.stop();
        RestAssured.reset();
        Parley.forgetSessions();
    }

    @Test
    void everyClientGetsEveryMessageOnceThroughRepeatedKills() throws Exception {
        Agent agent = Parley.readyAgent("agent");
        Customer customer;
        try (SseClient offers = SseClient.connect(notifications(), agent.token(), null)) {
            customer = Parley.startChat("FirstL");
            offers.nextOfType("StatusChange");
            operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));
            offers.nextOfType("NewMessages");
        }

        // The first instance stops as an operator would, so that it writes the AOT cache, and starts again from it:
        // how long that takes here sets the sending pace, which spreads the messages over the kills so that each
        // kill finds messages in flight and none waits idle.
        push.stop(Duration.ofSeconds(60));
        pushOptions = Files.exists(aotCache) ? List.of("-XX:AOTCache=" + aotCache) : List.of();
        long restartMillis = restart(0);
        long pauseMillis = Math.max(10, (KILLS * (restartMillis + 600)) / MESSAGES);

        List<Follower> followers = new ArrayList<>();
        try {
            ResumingSseClient agentSse = sse(followers, "agent SSE", agent.token());
            ResumingSseClient customerSse = sse(followers, "customer SSE", customer.token());
            cometd(followers, "agent CometD", agent.token(), "/v2/me/chats");
            cometd(followers, "customer CometD", customer.token(), "/v2/chats");

            AtomicInteger sent = new AtomicInteger();
            Thread sender = Thread.ofVirtual().start(() -> {
                for (int i = 1; i <= MESSAGES; i++) {
                    Parley.customerOperate(customer, Map.of("operationName", "SendMessage", "text", "m" + i));
                    sent.set(i);
                    pause(pauseMillis);
                }
            });
            for (int kill = 1; kill <= KILLS; kill++) {
                int due = kill * MESSAGES / (KILLS + 1) + ThreadLocalRandom.current().nextInt(-20, 21);
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> sent.get() >= due || !sender.isAlive());
                int agentStreams = agentSse.streams();
                int customerStreams = customerSse.streams();
                restart(ThreadLocalRandom.current().nextInt(0, 300));
                // each kill costs every stream a resume before the next one
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> agentSse.streams() > agentStreams && customerSse.streams() > customerStreams);
            }
            sender.join(Duration.ofSeconds(300));
            assertEquals(MESSAGES, sent.get(), "every message was sent");

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && !followers.stream().allMatch(follower -> follower.texts().contains("m" + MESSAGES))) {
                pause(100);
            }
            pause(1_000);
            List<String> expected = new ArrayList<>(MESSAGES);
            for (int i = 1; i <= MESSAGES; i++) {
                expected.add("m" + i);
            }
            for (Follower follower : followers) {
                assertEveryMessageOnceInOrder(follower.name(), expected, withoutRedeliveries(follower));
            }
        } finally {
            followers.forEach(Follower::close);
        }
    }

    /**
     * One client of the chat and what it received so far, as message texts in order of arrival; a CometD client's
     * list has a {@link #HANDSHAKE} wherever it handshook again.
     */
    private record Follower(String name, Supplier<List<String>> received, AutoCloseable client) {

        List<String> texts() {
            return received.get();
        }

        void close() {
            try {
                client.close();
            } catch (Exception e) {
                // the client may be gone with the killed instance
            }
        }
    }

    private static ResumingSseClient sse(List<Follower> followers, String name, String token) {
        ResumingSseClient client = ResumingSseClient.follow(notifications(), token, null);
        followers.add(new Follower(name, () -> {
            List<String> texts = new ArrayList<>();
            for (SseClient.Event event : client.events()) {
                assertTrue(event.id() != null, name + " got an event without id (a resync?): " + event);
                texts.addAll(texts(event.json()));
            }
            return texts;
        }, client));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.streams() > 0);
        return client;
    }

    private static void cometd(List<Follower> followers, String name, String token, String channel) {
        CometdClient client = CometdClient.connect(notifications(), CometdClient.Transport.LONG_POLLING, token,
                CometdClient.TokenIn.HEADER, true, channel);
        List<String> texts = new ArrayList<>();
        Runnable collect = () -> {
            for (CometdClient.Received received : client.drain(Duration.ZERO)) {
                texts.addAll(texts(received.json()));
            }
        };
        // back on its feet as soon as the instance is, rather than after a back-off grown by the failed attempts
        client.bayeux().setBackOffStrategy(new BayeuxClient.BackOffStrategy.Constant(100));
        // a new instance knows no session: the client handshakes again, and subscribes again as a desktop does
        client.bayeux().getChannel(Channel.META_HANDSHAKE).addListener((ClientSessionChannel.MessageListener)
                (meta, reply) -> {
                    if (reply.isSuccessful()) {
                        synchronized (texts) {
                            collect.run();
                            texts.add(HANDSHAKE);
                        }
                        Thread.ofVirtual().start(() -> client.subscribe(channel));
                    }
                });
        followers.add(new Follower(name, () -> {
            synchronized (texts) {
                collect.run();
                return List.copyOf(texts);
            }
        }, client));
    }

    /**
     * What a client received, less what a CometD client with the acknowledgement extension is sent again after a
     * new handshake: the last messages it had received but not yet acknowledged when the instance died (the stock
     * client sends no position of its own in a handshake, so the server can only resume after the last
     * acknowledged one). Those must be exactly the latest messages before the kill; any other repeat stays in.
     */
    private static List<String> withoutRedeliveries(Follower follower) {
        List<String> delivered = new ArrayList<>();
        List<String> again = null;
        for (String text : follower.texts()) {
            if (text.equals(HANDSHAKE)) {
                again = new ArrayList<>();
                continue;
            }
            if (again != null && delivered.contains(text)) {
                again.add(text);
                continue;
            }
            if (again != null && !again.isEmpty()) {
                assertEquals(delivered.subList(delivered.size() - again.size(), delivered.size()), again,
                        follower.name() + " was sent again only what came last before the kill");
            }
            again = null;
            delivered.add(text);
        }
        return delivered;
    }

    /** The texts of the test's messages in a NewMessages notification. */
    private static List<String> texts(JsonObject notification) {
        List<String> texts = new ArrayList<>();
        if ("NewMessages".equals(notification.getString("notificationType"))) {
            JsonArray messages = notification.getJsonArray("messages");
            for (int i = 0; i < messages.size(); i++) {
                String text = messages.getJsonObject(i).getString("text");
                if (text != null && text.matches("m\\d+")) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    private static void assertEveryMessageOnceInOrder(String name, List<String> expected, List<String> texts) {
        if (texts.equals(expected)) {
            return;
        }
        long distinct = texts.stream().distinct().count();
        int firstDifference = 0;
        while (firstDifference < Math.min(texts.size(), expected.size())
                && texts.get(firstDifference).equals(expected.get(firstDifference))) {
            firstDifference++;
        }
        throw new AssertionError(name + " received " + texts.size() + " messages, " + distinct + " distinct, "
                + (texts.size() - distinct) + " twice; first difference at #" + (firstDifference + 1) + ": "
                + texts.subList(Math.max(0, firstDifference - 2), Math.min(texts.size(), firstDifference + 5)));
    }

    /** Kills the push instance, waits {@code downMillis}, starts it again; returns how long the start took. */
    private static long restart(long downMillis) throws Exception {
        push.kill();
        pause(downMillis);
        long started = System.nanoTime();
        push = ParleyProcess.start("kills-push", push.port(), pushEnvironment, pushOptions);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String notifications() {
        return push.baseUrl() + "/api/v2/notifications";
    }

    private static Map<String, String> with(Map<String, String> environment, String role) {
        Map<String, String> own = new HashMap<>(environment);
        own.put("PARLEY_ROLE", role);
        return own;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
