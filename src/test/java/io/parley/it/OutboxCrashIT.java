package io.parley.it;

import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisTestResource;
import io.parley.support.SseClient;
import io.restassured.RestAssured;

/**
 * Relayed commits (parley.redis.commit=relayed, as on a Redis Cluster) survive their committer dying between the
 * chat's commit and the writes outside it. An api instance halts at a crash point of the protocol while sending a
 * message to a conference; the push instance's sweep finishes the relay, and each of the three recipients' streams
 * holds the message exactly once, in the chat's order with the messages before and after it.
 */
class OutboxCrashIT {

    private static final RedisTestResource REDIS = new RedisTestResource();
    private static ParleyProcess api;
    private static ParleyProcess push;
    private static Map<String, String> environment;

    @BeforeAll
    static void deploy() throws Exception {
        environment = OperatorSettings.withTokenKeys(OperatorSettings.on(REDIS.start()));
        environment.put("PARLEY_REDIS_COMMIT", "relayed");
        environment.put("PARLEY_REDIS_SHARDS", "4");
        api = ParleyProcess.start("outbox-api", freePort(), with(environment, "api", null));
        push = ParleyProcess.start("outbox-push", freePort(), with(environment, "push", null));
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

    @ParameterizedTest
    @ValueSource(strings = { "after_commit", "after_first_step" })
    void aCommitterKilledMidRelayCostsNoRecipientANotificationNorGivesOneTwice(String crashPoint) throws Exception {
        Parley.endSessions();
        Agent host = Parley.readyAgent("host");
        Agent guest = Parley.readyAgent("guest");
        Parley.notReady(guest);
        Customer customer = Parley.startChat("FirstL");
        operate(host, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Host"));
        Parley.ok(Parley.as(guest.token()).body(Map.of("operationName", "Ready"))
                .post("/api/v2/me/channels/chat"));
        operate(host, customer.chatId(), Map.of("operationName", "Invite", "targetUri", guest.uri()));
        operate(guest, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Guest"));

        String stream = push.baseUrl() + "/api/v2/notifications";
        try (SseClient hostStream = SseClient.connect(stream, host.token(), null);
                SseClient guestStream = SseClient.connect(stream, guest.token(), null);
                SseClient customerStream = SseClient.connect(stream, customer.token(), null)) {
            say(host, customer, "before");
            List.of(hostStream, guestStream, customerStream).forEach(client -> awaitText(client, "before"));

            try (ParleyProcess doomed = ParleyProcess.start("outbox-api-" + crashPoint, freePort(),
                    with(environment, "api", crashPoint))) {
                sendExpectingNoAnswer(doomed, host, customer.chatId(), "lost in flight?");
                OptionalInt exit = doomed.exitWithin(Duration.ofSeconds(20));
                assertTrue(exit.isPresent(), "the api instance halted at " + crashPoint);
            }
            // the next message, on the surviving instance, right away: it must come after the relayed one
            say(host, customer, "after");

            for (SseClient client : List.of(hostStream, guestStream, customerStream)) {
                List<String> texts = texts(client, Duration.ofSeconds(40), "after");
                assertEquals(List.of("lost in flight?", "after"), texts, "each once, in the chat's order");
                assertEquals(List.of(), textsOf(client.drain(Duration.ofSeconds(2))), "nothing twice");
            }
        }
    }

    private static void say(Agent host, Customer customer, String text) {
        operate(host, customer.chatId(), Map.of("operationName", "SendMessage", "text", text));
    }

    /** Sends the message to an instance that halts before answering: the connection just ends. */
    private static void sendExpectingNoAnswer(ParleyProcess doomed, Agent host, String chatId, String text)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(doomed.baseUrl() + "/api/v2/me/chats/" + chatId))
                .header("Authorization", "Bearer " + host.token()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"operationName\":\"SendMessage\",\"text\":\"" + text
                        + "\"}"))
                .build();
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the instance answered instead of halting: " + reply.body());
        } catch (IOException expected) {
            // the process is gone: no answer, as after a kill -9
        }
    }

    private static void awaitText(SseClient client, String text) {
        texts(client, Duration.ofSeconds(10), text);
    }

    /** The texts of the NewMessages events up to and including {@code last}. */
    private static List<String> texts(SseClient client, Duration timeout, String last) {
        List<String> texts = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (texts.isEmpty() || !texts.get(texts.size() - 1).equals(last)) {
            SseClient.Event event = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            texts.addAll(textsOf(List.of(event)));
        }
        return texts;
    }

    private static List<String> textsOf(List<SseClient.Event> events) {
        List<String> texts = new ArrayList<>();
        for (SseClient.Event event : events) {
            if ("NewMessages".equals(event.json().getString("notificationType"))) {
                var messages = event.json().getJsonArray("messages");
                for (int i = 0; i < messages.size(); i++) {
                    if ("Text".equals(messages.getJsonObject(i).getString("type"))) {
                        texts.add(messages.getJsonObject(i).getString("text"));
                    }
                }
            }
        }
        return texts;
    }

    private static Map<String, String> with(Map<String, String> environment, String role, String crashPoint) {
        Map<String, String> own = new HashMap<>(environment);
        own.put("PARLEY_ROLE", role);
        if (crashPoint != null) {
            own.put("PARLEY_REDIS_CRASH_POINT", crashPoint);
        }
        return own;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
