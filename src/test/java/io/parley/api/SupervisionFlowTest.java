package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.CometdClient;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Supervisors through the real interfaces (docs/api.md §4, supervisors): Intrude and the SwitchTo* operations,
 * with what the customer, the agent, a second agent and the supervisor each receive over SSE (and the customer over
 * CometD), and what the customer's transcript keeps.
 */
@QuarkusTest
class SupervisionFlowTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    /** The host and a second agent chat with the customer; every stream has been read up to now. */
    private record Conference(Agent host, Agent second, Customer customer, SseClient hostStream,
            SseClient secondStream) {
    }

    private static Conference conference(SseClient hostStream, SseClient secondStream, Agent host, Agent second) {
        Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
        Parley.ok(as(second.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        operate(host, customer.chatId(), Map.of("operationName", "Invite", "targetUri", second.uri()));
        secondStream.nextOfType("StatusChange");
        operate(second, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Second"));
        secondStream.nextOfType("NewMessages");
        hostStream.nextOfType("NewMessages");
        return new Conference(host, second, customer, hostStream, secondStream);
    }

    private static void intrude(Agent supervisor, Agent agent, String chatId, String mode) {
        Parley.ok(as(supervisor.token()).body(Map.of("operationName", "Intrude", "supervisorVisibilityMode", mode))
                .post("/api/v2/users/" + agent.id() + "/chats/" + chatId));
    }

    private static List<String> types(List<SseClient.Event> events) {
        return events.stream().map(e -> e.json().getString("notificationType")).toList();
    }

    @Test
    void monitoringThenCoachingNeverReachesTheCustomer() {
        Agent host = Parley.readyAgent("host");
        // Ready only once the host has the chat, so that routing offers it to the host
        Agent second = Parley.readyAgent("second");
        Parley.notReady(second);
        Agent supervisor = Parley.createSupervisor("boss");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
                SseClient secondStream = SseClient.connect(Parley.sseUrl(), second.token(), null);
                SseClient bossStream = SseClient.connect(Parley.sseUrl(), supervisor.token(), null)) {
            Conference c = conference(hostStream, secondStream, host, second);
            String chatId = c.customer().chatId();
            try (SseClient customerStream = SseClient.connect(Parley.sseUrl(), c.customer().token(), null);
                    CometdClient customerCometd = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING,
                            c.customer().token(), TokenIn.HEADER, false, "/v2/chats")) {
                hostStream.drain(QUIET);
                secondStream.drain(QUIET);

                intrude(supervisor, host, chatId, "Monitor");
                JsonObject joined = bossStream.nextOfType("StatusChange").json().getJsonObject("chat");
                assertEquals("Chatting", joined.getString("state"));
                assertEquals(List.of("Leave", "SetInFocus", "SwitchToCoach", "SwitchToBargeIn"),
                        joined.getJsonArray("capabilities").getList());
                JsonObject history = bossStream.nextOfType("NewMessages").json();
                assertTrue(history.getJsonArray("messages").size() >= 3, history.encode());
                assertEquals(List.of(), hostStream.drain(QUIET), "the agent is not told of a monitor");
                assertEquals(List.of(), secondStream.drain(QUIET), "nor is the second agent");
                assertThat(as(host.token()).get("/api/v2/me/chats/" + chatId).then().statusCode(200).extract()
                        .<List<String>>path("chat.participants.type"), not(hasItem("Supervisor")));

                Parley.customerOperate(c.customer(), Map.of("operationName", "SendMessage", "text", "hello?"));
                assertEquals("hello?", bossStream.nextOfType("NewMessages").json().getJsonArray("messages")
                        .getJsonObject(0).getString("text"), "the monitor reads the customer");
                customerStream.drain(QUIET);
                hostStream.drain(QUIET);
                secondStream.drain(QUIET);
                customerCometd.drain(QUIET);

                operate(supervisor, chatId, Map.of("operationName", "SwitchToCoach"));
                assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(hostStream.drain(QUIET)));
                assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(secondStream.drain(QUIET)));
                operate(supervisor, chatId, Map.of("operationName", "SendToAgents", "text", "offer a refund"));
                assertEquals("offer a refund", hostStream.nextOfType("NewMessages").json().getJsonArray("messages")
                        .getJsonObject(0).getString("text"));
                assertEquals("offer a refund", secondStream.nextOfType("NewMessages").json()
                        .getJsonArray("messages").getJsonObject(0).getString("text"));
                int refused = as(supervisor.token())
                        .body(Map.of("operationName", "SendMessage", "text", "hi customer"))
                        .post("/api/v2/me/chats/" + chatId).then().statusCode(409).extract().path("statusCode");
                assertEquals(2, refused, "a coach does not talk to the customer");
                operate(supervisor, chatId, Map.of("operationName", "Leave"));
                assertEquals("Completed", bossStream.nextOfType("StatusChange").json().getJsonObject("chat")
                        .getString("state"));

                assertEquals(List.of(), customerStream.drain(QUIET), "nothing of the supervisor reached the customer");
                assertEquals(List.of(), customerCometd.drain(QUIET), "nor over CometD");
            }
            JsonPath transcript = as(c.customer().token()).get("/api/v2/chats/" + chatId + "/messages").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(transcript.getList("messages.from.type"), not(hasItem("Supervisor")));
            assertThat(transcript.getList("messages.text"), not(hasItem("offer a refund")));
            JsonPath hostTranscript = as(host.token()).get("/api/v2/me/chats/" + chatId + "/messages").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(hostTranscript.getList("messages.text"), hasItem("offer a refund"));
        }
    }

    @Test
    void aBargingSupervisorTalksToEveryoneAndIsRevokedWhenTheChatCompletes() {
        Agent host = Parley.readyAgent("host");
        Agent supervisor = Parley.createSupervisor("boss");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
                SseClient bossStream = SseClient.connect(Parley.sseUrl(), supervisor.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
            String chatId = customer.chatId();
            try (SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null)) {
                intrude(supervisor, host, chatId, "BargeIn");
                bossStream.nextOfType("StatusChange");
                bossStream.nextOfType("NewMessages");
                assertEquals("ParticipantJoined", customerStream.nextOfType("NewMessages").json()
                        .getJsonArray("messages").getJsonObject(0).getString("type"));
                assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(hostStream.drain(QUIET)));

                operate(supervisor, chatId, Map.of("operationName", "SendMessage", "text", "I am the manager"));
                assertEquals("I am the manager", customerStream.nextOfType("NewMessages").json()
                        .getJsonArray("messages").getJsonObject(0).getString("text"));

                operate(host, chatId, Map.of("operationName", "Complete"));
                assertEquals("Revoked", bossStream.nextOfType("StatusChange").json().getJsonObject("chat")
                        .getString("state"));
                assertEquals(List.of(), bossStream.drain(QUIET), "the revocation is all the supervisor gets");
            }
        }
    }

    @Test
    void onlyASupervisorMayIntrudeAndBadRequestsChangeNothing() {
        Agent host = Parley.readyAgent("host");
        Agent other = Parley.createAgent("other");
        Agent supervisor = Parley.createSupervisor("boss");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
            String path = "/api/v2/users/" + host.id() + "/chats/" + customer.chatId();
            Map<String, String> monitor = Map.of("operationName", "Intrude", "supervisorVisibilityMode", "Monitor");

            assertEquals(5, (int) as(other.token()).body(monitor).post(path).then().statusCode(403).extract()
                    .path("statusCode"), "an agent cannot monitor");
            assertEquals(5, (int) as(customer.token()).body(monitor).post(path).then().statusCode(403).extract()
                    .path("statusCode"), "a customer token never gets in");
            assertEquals(1, (int) as(supervisor.token()).body(Map.of("operationName", "Intrude")).post(path)
                    .then().statusCode(400).extract().path("statusCode"));
            assertEquals(10, (int) as(supervisor.token())
                    .body(Map.of("operationName", "Intrude", "supervisorVisibilityMode", "Spy")).post(path)
                    .then().statusCode(400).extract().path("statusCode"));
            assertEquals(6, (int) as(supervisor.token()).body(monitor)
                    .post("/api/v2/users/" + other.id() + "/chats/" + customer.chatId())
                    .then().statusCode(404).extract().path("statusCode"), "the other agent is not in this chat");
            assertEquals(List.of(), hostStream.drain(QUIET));
            assertEquals(List.of("Agent", "Customer").size(),
                    as(host.token()).get("/api/v2/me/chats/" + customer.chatId()).then().statusCode(200).extract()
                            .<List<String>>path("chat.participants.type").size(), "nobody joined");
        }
    }
}
