package io.parley.it;

import static io.parley.support.Parley.customerOperate;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.Gws;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.parley.support.StackTraces;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import redis.embedded.RedisServer;

/**
 * Redis restarted under a running Parley (docs/quality.md, Reliability): while it is down the api answers statusCode 4
 * (HTTP 503) and changes nothing; afterwards it recovers by itself, the push side subscribes again, and a stream
 * that stayed connected throughout misses nothing and gets nothing twice. This Redis is one of its own, with an
 * append-only file, so that what was committed survives the restart as it would in production.
 */
class RedisRestartIT {

    private static int redisPort;
    private static Path redisDir;
    private static RedisServer redis;
    private static ParleyProcess parley;

    @BeforeAll
    static void deploy() throws Exception {
        redisPort = freePort();
        redisDir = Files.createDirectories(Path.of("target", "it-redis-restart").toAbsolutePath());
        try (var old = Files.list(redisDir)) {
            old.forEach(file -> file.toFile().delete());
        }
        redis = startRedis();
        Map<String, String> environment = OperatorSettings.withTokenKeys(
                OperatorSettings.on("redis://127.0.0.1:" + redisPort));
        parley = ParleyProcess.start("redis-restart", freePort(), environment);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = parley.port();
    }

    @AfterAll
    static void undeploy() {
        if (parley != null) {
            parley.close();
        }
        if (redis != null) {
            stopRedis();
        }
        RestAssured.reset();
        Parley.forgetSessions();
    }

    @Test
    void aRedisRestartIsAnOutageNotALoss() throws Exception {
        Agent host = Parley.readyAgent("host");
        try (SseClient hostStream = SseClient.connect(parley.baseUrl() + "/api/v2/notifications", host.token(),
                null)) {
            Customer customer = Parley.startChat("FirstL");
            hostStream.nextOfType("StatusChange");
            operate(host, customer.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));
            hostStream.nextOfType("StatusChange");
            hostStream.nextOfType("NewMessages");
            customerOperate(customer, Map.of("operationName", "SendMessage", "text", "before"));
            assertEquals("before", text(hostStream.nextOfType("NewMessages")));

            Gws.Session desktop = Gws.signIn(host.userName(), "password-" + host.userName());

            stopRedis();
            Response down = send(customer, "while down");
            assertEquals(503, down.statusCode(), down.asString());
            assertEquals(4, down.jsonPath().getInt("statusCode"));
            // a GWS desktop's Basic and session cookie are checked against Redis too: an outage, not a refusal
            assertOutage(Gws.basicRequest("not-" + host.userName(), "a-password").get("/api/v2/me"));
            assertOutage(desktop.request().get("/api/v2/me"));

            redis = startRedis();
            // the api recovers by itself: the next requests succeed once its connections are back
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> send(customer, "after").statusCode() == 200);

            assertEquals("after", text(hostStream.nextOfType("NewMessages")));
            assertEquals(List.of(), hostStream.drain(Duration.ofMillis(1_000)), "nothing twice, nothing refused");
        }
        // an outage is logged a line at a time, without stack traces
        List<String> log = Files.readAllLines(parley.logFile().toPath());
        assertEquals(List.of(), log.stream().filter(StackTraces::in).toList(),
                String.join("\n", log));
        assertTrue(log.stream().anyMatch(line -> line.contains("Redis unreachable, answered 503")),
                String.join("\n", log));
    }

    private static void assertOutage(Response reply) {
        assertEquals(503, reply.statusCode(), reply.asString());
        assertEquals(4, reply.jsonPath().getInt("statusCode"), reply.asString());
    }

    private static Response send(Customer customer, String text) {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + customer.token())
                .body(Map.of("operationName", "SendMessage", "text", text))
                .post("/api/v2/chats/" + customer.chatId());
    }

    private static String text(SseClient.Event event) {
        return event.json().getJsonArray("messages").getJsonObject(0).getString("text");
    }

    private static RedisServer startRedis() throws Exception {
        RedisServer server = RedisServer.builder().bind("127.0.0.1").port(redisPort).setting("save \"\"")
                .setting("appendonly yes").setting("appendfsync always").setting("dir " + redisDir).build();
        server.start();
        return server;
    }

    private static void stopRedis() {
        try {
            redis.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
