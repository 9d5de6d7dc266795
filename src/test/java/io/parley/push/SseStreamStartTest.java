package io.parley.push;

import static io.parley.support.Parley.customerOperate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.chat.Recipient;
import io.parley.store.Keys;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.redis.client.Redis;

/**
 * A stream is among the subscribers before it has read its position, so wake-ups can reach it before it started:
 * they must not make it read twice. The endpoint registers a stream and starts it a few microseconds apart, too
 * short a moment to hit from outside; this test opens streams the way the endpoint does, with the wake-up placed in
 * that moment and more coming throughout, against the real log of a real chat.
 */
@QuarkusTest
class SseStreamStartTest {

    @Inject
    Vertx vertx;

    @Inject
    Redis redis;

    @Inject
    Keys keys;

    private HttpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        Parley.endSessions();
    }

    @Test
    void aWakeUpBeforeTheStartMakesNoSecondRead() throws Exception {
        Agent host = Parley.readyAgent("host");
        String from;
        List<String> expected = new ArrayList<>();
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            Customer customer = InviteFlowTestAccess.chattingWith(host, stream);
            // no other test's chat may be offered to the host now: its log is to hold this conversation only
            Parley.notReady(host);
            say(customer, "r0");
            from = stream.nextOfType("NewMessages").id();
            // more than a page of the log (200 entries), so that a resume takes a few reads
            for (int i = 1; i <= 250; i++) {
                say(customer, "r" + i);
                expected.add("r" + i);
            }
            while (!text(stream.nextOfType("NewMessages")).equals("r250")) {
                // the live stream has them all once the last one arrived
            }
        }
        Recipient recipient = Recipient.agent(host.id());
        server = vertx.createHttpServer().requestHandler(request -> {
            var response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            SseStream stream = new SseStream(response, recipient, new NotificationLog(redis, keys.log(recipient)),
                    "/v2/me/chats", () -> 0, new Backlog(262_144));
            stream.wake();
            stream.start(request.getHeader("Last-Event-ID"), failure -> response.close());
            long wakeUps = vertx.setPeriodic(1, id -> stream.wake());
            response.closeHandler(closed -> {
                vertx.cancelTimer(wakeUps);
                stream.close();
            });
        }).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        for (int attempt = 1; attempt <= 5; attempt++) {
            try (SseClient resumed = SseClient.connect("http://localhost:" + server.actualPort(), host.token(), from)) {
                List<String> received = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    received.add(text(resumed.nextOfType("NewMessages")));
                }
                received.addAll(resumed.drain(Duration.ofMillis(200)).stream()
                        .filter(event -> "NewMessages".equals(event.json().getString("notificationType")))
                        .map(SseStreamStartTest::text).toList());
                if (!expected.equals(received)) {
                    throw new AssertionError("resume " + attempt + ": " + received.size() + " messages instead of "
                            + expected.size() + ", " + received.stream().distinct().count() + " distinct, starting "
                            + received.subList(0, Math.min(received.size(), 10)));
                }
            }
        }
    }

    private static void say(Customer customer, String text) {
        customerOperate(customer, Map.of("operationName", "SendMessage", "text", text));
    }

    private static String text(SseClient.Event event) {
        return event.json().getJsonArray("messages").getJsonObject(0).getString("text");
    }
}
