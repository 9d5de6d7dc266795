package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A supervisor's standing monitoring of an agent (docs/api.md §4, supervisors): Monitor, Coach or BargeIn on the
 * agent's chat channel brings the supervisor into the chats the agent accepts from then on; NextChat only into the
 * next; CancelSupervisorMonitoring ends it. What the customer, the agent and the supervisor receive over SSE, and
 * the supervisor over CometD.
 */
@QuarkusTest
class MonitoringFlowTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    private static String channel(Agent agent) {
        return "/api/v2/users/" + agent.id() + "/channels/chat";
    }

    private static List<String> types(List<SseClient.Event> events) {
        return events.stream().map(e -> e.json().getString("notificationType")).toList();
    }

    @Test
    void aMonitoringSupervisorJoinsTheAgentsNextChatUnseenThenNoMore() {
        Agent host = Parley.readyAgent("host");
        Agent supervisor = Parley.createSupervisor("boss");
        Parley.ok(as(supervisor.token())
                .body(Map.of("operationName", "Monitor", "supervisorMonitoringMode", "NextChat", "nickname", "QA"))
                .post(channel(host)));
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
                CometdClient bossCometd = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING,
                        supervisor.token(), TokenIn.HEADER, false, "/v2/me/chats")) {
            Customer first = InviteFlowTest.chattingWith(host, hostStream, "Host");
            JsonObject joined = bossCometd.next().json();
            assertEquals("StatusChange", joined.getString("notificationType"));
            assertEquals(List.of("Leave", "SetInFocus", "SwitchToCoach", "SwitchToBargeIn"),
                    joined.getJsonObject("chat").getJsonArray("capabilities").getList());
            assertEquals("NewMessages", bossCometd.next().json().getString("notificationType"));
            assertEquals(List.of(), hostStream.drain(QUIET), "the agent is not told of the monitor");
            assertThat(as(first.token()).get("/api/v2/chats/" + first.chatId()).then().statusCode(200).extract()
                    .<List<String>>path("chat.participants.nickname"), not(hasItem("QA")));

            Parley.customerOperate(first, Map.of("operationName", "SendMessage", "text", "hello?"));
            assertEquals("hello?", bossCometd.next().json().getJsonArray("messages").getJsonObject(0)
                    .getString("text"), "the monitor reads the customer");

            Customer second = InviteFlowTest.chattingWith(host, hostStream, "Host");
            assertEquals(List.of(), bossCometd.drain(QUIET), "NextChat: the second chat is not monitored");
            JsonPath secondChat = as(host.token()).get("/api/v2/me/chats/" + second.chatId()).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of("Customer", "Agent"), secondChat.getList("chat.participants.type"));
            assertEquals(2, (int) as(supervisor.token()).body(Map.of("operationName", "CancelSupervisorMonitoring"))
                    .post(channel(host)).then().statusCode(409).extract().path("statusCode"),
                    "the NextChat monitoring is over");
        }
    }

    @Test
    void aCoachJoinsEveryChatUntilCancelledAndTheCustomerNeverLearnsOfIt() {
        Agent host = Parley.readyAgent("host");
        Agent supervisor = Parley.createSupervisor("boss");
        Parley.ok(as(supervisor.token()).body(Map.of("operationName", "Coach")).post(channel(host)));
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
                SseClient bossStream = SseClient.connect(Parley.sseUrl(), supervisor.token(), null)) {
            Customer customer = Parley.startChat("FirstL");
            hostStream.nextOfType("StatusChange");
            try (SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null)) {
                operate(host, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Host"));
                assertEquals(List.of("StatusChange", "NewMessages", "ParticipantsUpdated", "NewMessages"),
                        types(hostStream.drain(QUIET)), "the agent's Accept, then the coach's arrival");
                assertEquals(List.of("StatusChange", "NewMessages"), types(bossStream.drain(QUIET)));
                assertEquals(1, customerStream.drain(QUIET).size(), "only the agent's join");

                operate(supervisor, customer.chatId(), Map.of("operationName", "SendToAgents", "text", "smile"));
                assertEquals("smile", hostStream.nextOfType("NewMessages").json().getJsonArray("messages")
                        .getJsonObject(0).getString("text"));
                // the chat ends: the coach's view is revoked
                operate(host, customer.chatId(), Map.of("operationName", "Complete"));
                assertEquals("Revoked", bossStream.nextOfType("StatusChange").json().getJsonObject("chat")
                        .getString("state"));
                assertEquals(List.of(), customerStream.drain(QUIET).stream()
                        .filter(e -> e.data().contains("smile") || e.data().contains(supervisor.userName()))
                        .toList(), "nothing of the coach reached the customer");
            }
            JsonPath transcript = as(customer.token()).get("/api/v2/chats/" + customer.chatId() + "/messages")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(transcript.getList("messages.from.type"), not(hasItem("Supervisor")));

            Parley.ok(as(supervisor.token()).body(Map.of("operationName", "CancelSupervisorMonitoring"))
                    .post(channel(host)));
            InviteFlowTest.chattingWith(host, hostStream, "Host");
            assertEquals(List.of(), bossStream.drain(QUIET), "cancelled: no more chats");
        }
    }

    @Test
    void intrudeTakesTheMonitoringsModeAndOnlyASupervisorMayMonitor() {
        Agent host = Parley.readyAgent("host");
        Agent supervisor = Parley.createSupervisor("boss");
        Agent other = Parley.createAgent("other");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
                SseClient bossStream = SseClient.connect(Parley.sseUrl(), supervisor.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
            assertEquals(5, (int) as(other.token()).body(Map.of("operationName", "Monitor")).post(channel(host))
                    .then().statusCode(403).extract().path("statusCode"), "an agent cannot monitor");
            assertEquals(5, (int) as(customer.token()).body(Map.of("operationName", "Monitor"))
                    .post(channel(host)).then().statusCode(403).extract().path("statusCode"));
            assertEquals(6, (int) as(supervisor.token()).body(Map.of("operationName", "Monitor"))
                    .post(channel(supervisor)).then().statusCode(404).extract().path("statusCode"),
                    "a supervisor who is not an agent cannot be monitored");
            assertEquals(10, (int) as(supervisor.token())
                    .body(Map.of("operationName", "Monitor", "supervisorMonitoringMode", "Sometimes"))
                    .post(channel(host)).then().statusCode(400).extract().path("statusCode"));

            // monitoring starts with the next chat: the chat the agent is in already is joined by Intrude only
            Parley.ok(as(supervisor.token()).body(Map.of("operationName", "Coach")).post(channel(host)));
            assertEquals(List.of(), bossStream.drain(QUIET));
            Parley.ok(as(supervisor.token()).body(Map.of("operationName", "Intrude"))
                    .post("/api/v2/users/" + host.id() + "/chats/" + customer.chatId()));
            JsonObject joined = bossStream.nextOfType("StatusChange").json().getJsonObject("chat");
            assertEquals("SendToAgents", joined.getJsonArray("capabilities").getString(2), "in the Coach mode");
            Parley.ok(as(supervisor.token()).body(Map.of("operationName", "CancelSupervisorMonitoring"))
                    .post(channel(host)));
        }
    }
    @Test
    void theSupervisorsSignOutEndsTheirMonitorings() {
        Agent host = Parley.readyAgent("host");
        Agent supervisor = Parley.createSupervisor("boss");
        Parley.ok(as(supervisor.token()).body(Map.of("operationName", "Monitor")).post(channel(host)));

        Parley.ok(as(supervisor.token()).post("/api/v2/signout"));

        assertEquals(2, (int) as(supervisor.token()).body(Map.of("operationName", "CancelSupervisorMonitoring"))
                .post(channel(host)).then().statusCode(409).extract().path("statusCode"),
                "nothing left to cancel");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
                SseClient bossStream = SseClient.connect(Parley.sseUrl(), supervisor.token(), null)) {
            InviteFlowTest.chattingWith(host, hostStream, "Host");
            assertEquals(List.of(), bossStream.drain(QUIET));
        }
    }
}
