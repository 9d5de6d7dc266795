package io.parley.it;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * Parley on a Redis Cluster of three primaries and three replicas whose primary holding a chat is killed with
 * kill -9. With PARLEY_REDIS_WAIT_REPLICAS=1 a replica holds each write before it is acknowledged: while the replica
 * takes over, a message is either accepted or answered with statusCode 4 (HTTP 503); while the shard has no replica
 * left, it is refused; once the killed node is back (as a replica), the chat goes on by itself. Every message that
 * was accepted is in the transcript, once, in order.
 */
class ClusterFailoverIT {

    private static LocalCluster cluster;
    private static ParleyProcess parley;

    @BeforeAll
    static void deploy() throws Exception {
        cluster = LocalCluster.start(Path.of("target", "it-cluster-failover"));
        Map<String, String> environment = OperatorSettings.withTokenKeys(OperatorSettings.on(cluster.hosts()));
        environment.put("QUARKUS_REDIS_CLIENT_TYPE", "cluster");
        environment.put("PARLEY_REDIS_WAIT_REPLICAS", "1");
        parley = ParleyProcess.start("cluster-failover", freePort(), environment);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = parley.port();
    }

    @AfterAll
    static void undeploy() {
        if (parley != null) {
            parley.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        RestAssured.reset();
        Parley.forgetSessions();
    }

    @Test
    void aPrimaryKilledUnderAChatLosesNoAcceptedMessage() throws Exception {
        Agent host = Parley.readyAgent("host");
        Customer customer;
        try (SseClient hostStream = SseClient.connect(parley.baseUrl() + "/api/v2/notifications", host.token(),
                null)) {
            customer = Parley.startChat("FirstL");
            hostStream.nextOfType("StatusChange");
            operate(host, customer.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));
        }
        List<String> sent = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        // where the agent's and the customer's desktops were when the primary died: they resume from there
        String hostSeen;
        String customerSeen;
        try (SseClient hostStream = SseClient.connect(notifications(), host.token(), null);
                SseClient customerStream = SseClient.connect(notifications(), customer.token(), null)) {
            for (int i = 1; i <= 5; i++) {
                assertEquals(200, send(customer, "before " + i, sent, accepted));
            }
            hostSeen = idOf(hostStream, "before 5");
            customerSeen = idOf(customerStream, "before 5");
        }
        int acceptedBefore = accepted.size();

        String primary = cluster.primaryOf("{" + customer.chatId() + "}");
        String replica = cluster.replicaOf(primary);
        cluster.kill(primary);
        // messages go on being sent while the replica takes over, each answered one way or the other
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int during = 0;
        while (!LocalCluster.isPrimary(replica)) {
            send(customer, "during " + ++during, sent, accepted);
            Thread.sleep(100);
            assertTrue(System.nanoTime() < deadline, "the replica took over within 30 s");
        }
        // the shard has no replica now: a write none holds is not acknowledged
        assertEquals(503, send(customer, "without a replica", sent, accepted));

        cluster.restart(primary, Duration.ofSeconds(30));
        // with its replica back the chat goes on by itself
        while (send(customer, "during " + ++during, sent, accepted) != 200) {
            Thread.sleep(100);
            assertTrue(System.nanoTime() < deadline + Duration.ofSeconds(30).toNanos(),
                    "a message is accepted within 30 s of the node's return; see " + parley.logFile());
        }
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, send(customer, "after " + i, sent, accepted));
        }

        List<String> transcript = texts(as(host.token()).get("/api/v2/me/chats/" + customer.chatId() + "/messages"));
        assertEquals(accepted, transcript.stream().filter(accepted::contains).toList(),
                "every accepted message, once, in order");
        Set<String> once = new HashSet<>();
        assertTrue(transcript.stream().allMatch(once::add), "nothing twice: " + transcript);
        assertTrue(sent.containsAll(transcript), "nothing that was not sent: " + transcript);
        List<String> since = accepted.subList(acceptedBefore, accepted.size());
        assertResumesWithEachOnce(host.token(), hostSeen, since, sent);
        assertResumesWithEachOnce(customer.token(), customerSeen, since, sent);
        List<String> log = Files.readAllLines(parley.logFile().toPath());
        assertEquals(List.of(), log.stream().filter(line -> line.startsWith("\tat ")).toList(),
                "a failover is logged a line at a time:\n" + String.join("\n", log));
    }

    /** The SSE event id of the NewMessages carrying {@code text}. */
    private static String idOf(SseClient stream, String text) {
        while (true) {
            SseClient.Event event = stream.nextOfType("NewMessages");
            if (textsOf(event).contains(text)) {
                return event.id();
            }
        }
    }

    private static String notifications() {
        return parley.baseUrl() + "/api/v2/notifications";
    }

    /**
     * A desktop resuming with its last event id gets every accepted message once, in order; anything else it gets
     * was at least sent (a message answered 503 may still have been stored).
     */
    private static void assertResumesWithEachOnce(String token, String lastEventId, List<String> accepted,
            List<String> sent) {
        List<String> received = new ArrayList<>();
        try (SseClient stream = SseClient.connect(notifications(), token, lastEventId)) {
            String last = accepted.get(accepted.size() - 1);
            while (!received.contains(last)) {
                received.addAll(textsOf(stream.nextOfType("NewMessages")));
            }
            stream.drain(Duration.ofMillis(500)).stream().filter(e -> "NewMessages".equals(e.event()))
                    .forEach(e -> received.addAll(textsOf(e)));
        }
        assertEquals(accepted, received.stream().filter(accepted::contains).toList(), "each accepted message, "
                + "in order: " + received);
        Set<String> once = new HashSet<>();
        assertTrue(received.stream().allMatch(once::add), "nothing twice: " + received);
        assertTrue(sent.containsAll(received), "nothing that was not sent: " + received);
    }

    private static List<String> textsOf(SseClient.Event event) {
        List<String> texts = new ArrayList<>();
        for (Object message : event.json().getJsonArray("messages")) {
            if ("Text".equals(((JsonObject) message).getString("type"))) {
                texts.add(((JsonObject) message).getString("text"));
            }
        }
        return texts;
    }

    /** Sends a customer message; accepted (200) or refused as Redis unavailable (503, statusCode 4), nothing else. */
    private static int send(Customer customer, String text, List<String> sent, List<String> accepted) {
        sent.add(text);
        Response reply = RestAssured.given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + customer.token())
                .body(Map.of("operationName", "SendMessage", "text", text))
                .post("/api/v2/chats/" + customer.chatId());
        if (reply.statusCode() == 200) {
            accepted.add(text);
        } else {
            assertEquals(503, reply.statusCode(), text + ": " + reply.asString());
            assertEquals(4, reply.jsonPath().getInt("statusCode"), reply.asString());
        }
        return reply.statusCode();
    }

    private static List<String> texts(Response transcript) {
        List<String> texts = new ArrayList<>();
        for (Object message : new JsonObject(transcript.then().statusCode(200).extract().asString())
                .getJsonArray("messages")) {
            String text = ((JsonObject) message).getString("text");
            if (text != null && !text.isEmpty() && "Text".equals(((JsonObject) message).getString("type"))) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
