package io.parley.auth;

import static io.parley.support.Parley.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Gws;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * The test run's own log (target/quarkus.log, JSON as in production, with each operation's DEBUG line) holds
 * no password, token, session cookie or CSRF token that was used while it was written, whether it signed in or was
 * refused; and a line about an operation names its chat, user and referenceId.
 */
@QuarkusTest
class SecretsNotLoggedTest {

    private static final Path LOG = Path.of("target", "quarkus.log");

    private long logStart;

    @BeforeEach
    void markLog() throws IOException {
        logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
    }

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void credentialsUsedOrRefusedNeverReachTheLog() throws IOException {
        Agent agent = Parley.createAgent("secretive");
        String password = "password-" + agent.userName();
        String wrongPassword = "wrong-" + agent.userName() + "-guess";

        Gws.Session session = Gws.signIn(agent.userName(), password);
        session.request().body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("chat")))
                .post("/api/v2/me").then().statusCode(200);
        session.withoutCsrf().body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat").then()
                .statusCode(403);
        Gws.basicRequest(agent.userName(), wrongPassword).get("/api/v2/me").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.userName(), "password", wrongPassword))
                .post("/api/v2/auth/token").then().statusCode(401);
        as(agent.token().substring(0, agent.token().length() - 4) + "AAAA").get("/api/v2/me").then().statusCode(401);
        Parley.ok(as(agent.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        Customer customer = Parley.startChat("SecretiveCustomer");
        try (SseClient stream = SseClient.connect(Parley.sseUrl() + "?access_token=" + agent.token(), Map.of())) {
            assertEquals(200, stream.status());
            await().atMost(Duration.ofSeconds(10)).until(() -> as(agent.token())
                    .get("/api/v2/me/chats/" + customer.chatId()).statusCode() == 200);
        }
        Parley.customerOperate(customer, Map.of("operationName", "SendMessage", "text", "hello"));
        Parley.customerOperate(customer, Map.of("operationName", "Leave"));
        // logged out, so that later tests' chats are not routed to this agent
        Parley.ok(as(agent.token()).body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));

        String logged = loggedSinceStart();
        assertFalse(logged.isBlank(), "the test run's log was written to");
        Map<String, String> secrets = Map.of("password", password, "wrong password", wrongPassword,
                "admin password", Parley.ADMIN_PASSWORD, "bearer token", agent.token(),
                "customer token", customer.token(), "session cookie", session.cookie(),
                "CSRF token", session.csrfToken(), "Basic credentials", Gws.basic(agent.userName(), password)
                        .substring("Basic ".length()));
        secrets.forEach((what, secret) -> assertFalse(logged.contains(secret), "the " + what + " is logged"));
    }

    @Test
    void aLineAboutAnOperationNamesItsChatUserAndReferenceId() throws IOException {
        Agent agent = Parley.readyAgent("traced");
        Customer customer = Parley.startChat("TracedCustomer");
        await().atMost(Duration.ofSeconds(10)).until(() -> as(agent.token())
                .get("/api/v2/me/chats/" + customer.chatId()).statusCode() == 200);
        int referenceId = Parley.operate(agent, customer.chatId(), Map.of("operationName", "Accept",
                "nickname", "Traced"));
        int refused = as(agent.token()).body(Map.of("operationName", "Accept", "nickname", "Again"))
                .post("/api/v2/me/chats/" + customer.chatId()).then().extract().path("statusCode");
        assertNotEquals(0, refused);

        List<JsonObject> lines = loggedSinceStart().lines().filter(line -> line.startsWith("{"))
                .map(JsonObject::new)
                .filter(line -> "io.parley.api.OperationMeter".equals(line.getString("loggerName")))
                .toList();

        JsonObject accepted = mdcOf(lines, "Accept answered statusCode 0");
        assertEquals("Accept", accepted.getString("operationName"));
        assertEquals(customer.chatId(), accepted.getString("chatId"));
        assertEquals(agent.id(), accepted.getString("userId"));
        assertEquals(Integer.toString(referenceId), accepted.getString("referenceId"));
        JsonObject refusal = mdcOf(lines, "Accept answered statusCode " + refused);
        assertEquals(customer.chatId(), refusal.getString("chatId"));
        assertEquals(agent.id(), refusal.getString("userId"));
        assertFalse(refusal.containsKey("referenceId"), "a refused operation has no referenceId");
        JsonObject started = mdcOf(lines, "StartChat answered statusCode 0");
        assertEquals(customer.chatId(), started.getString("chatId"));
        Parley.customerOperate(customer, Map.of("operationName", "Leave"));
    }

    /** The MDC of the one operation line of this test's chat that begins with {@code message}. */
    private static JsonObject mdcOf(List<JsonObject> lines, String message) {
        List<JsonObject> found = lines.stream().filter(line -> line.getString("message", "").startsWith(message))
                .map(line -> line.getJsonObject("mdc", new JsonObject())).toList();
        assertTrue(!found.isEmpty(), "no operation line '" + message + "' among " + lines);
        return found.getLast();
    }

    private String loggedSinceStart() throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(LOG.toFile(), "r")) {
            long length = log.length();
            long from = length < logStart ? 0 : logStart;
            byte[] added = new byte[(int) (length - from)];
            log.seek(from);
            log.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        }
    }
}
