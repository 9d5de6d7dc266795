package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.ok;
import static io.parley.support.Parley.operate;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parley.support.Gws;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An administrator changes an existing user (https://docs.genesys.com/Documentation/GWS/8.5.2/API/UsersUpdateUser):
 * names, roles, the queues that route chats to them, the password. The change holds at once: the next Transfer to a
 * queue (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer) goes by the new queues, and an
 * old password stops signing in, even one this instance had remembered.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class UserUpdateTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    private static Response update(String id, Object body) {
        return as(Parley.adminToken()).body(body).put("/api/v2/users/" + id);
    }

    private static JsonObject user(String id) {
        return new JsonObject(as(Parley.adminToken()).get("/api/v2/users/" + id).then().statusCode(200).extract()
                .asString()).getJsonObject("user");
    }

    private static String password(Agent agent) {
        return "password-" + agent.userName();
    }

    private static boolean onDesk(Agent agent, Customer customer) {
        return as(agent.token()).get("/api/v2/me/chats/" + customer.chatId()).statusCode() == 200;
    }

    private static void leave(Customer customer) {
        as(customer.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + customer.chatId());
    }

    @Test
    void anAgentGivenAQueueIsOfferedTheNextChatTransferredToIt() {
        Agent first = Parley.readyAgent("ufirst");
        try (SseClient firstStream = SseClient.connect(Parley.sseUrl(), first.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(first, firstStream, "First");
            Agent mover = Parley.readyAgent("mover", List.of("vip"));
            try (SseClient moverStream = SseClient.connect(Parley.sseUrl(), mover.token(), null)) {

                ok(update(mover.id(), Map.of("queues", List.of("sales"))));
                operate(first, customer.chatId(), Map.of("operationName", "Transfer", "queueName", "sales"));

                JsonObject offer = moverStream.nextOfType("StatusChange").json().getJsonObject("chat");
                assertEquals(customer.chatId(), offer.getString("id"));
                assertEquals("Invited", offer.getString("state"));
                assertEquals(new JsonArray(List.of("sales")), user(mover.id()).getJsonArray("queues"));
            } finally {
                leave(customer);
            }
        }
    }

    @Test
    void anAgentTakenOffAQueueIsNotOfferedItsChats() {
        Agent first = Parley.readyAgent("ufirst");
        try (SseClient firstStream = SseClient.connect(Parley.sseUrl(), first.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(first, firstStream, "First");
            // the longer idle of the two sellers: the one the queue would offer the chat to, were it still theirs
            Agent leaver = Parley.readyAgent("leaver", List.of("sales"));
            Agent stayer = Parley.readyAgent("stayer", List.of("sales"));
            try (SseClient stayerStream = SseClient.connect(Parley.sseUrl(), stayer.token(), null)) {

                ok(update(leaver.id(), Map.of("queues", List.of("vip"))));
                operate(first, customer.chatId(), Map.of("operationName", "Transfer", "queueName", "sales"));

                JsonObject offer = stayerStream.nextOfType("StatusChange").json().getJsonObject("chat");
                assertEquals(customer.chatId(), offer.getString("id"));
                assertFalse(onDesk(leaver, customer), "the agent who left the queue is not offered its chat");
            } finally {
                leave(customer);
            }
        }
    }

    @Test
    void changedNamesAndRolesShowAndTheRestStaysAsItWas() {
        Agent agent = Parley.createAgent("renamed", List.of("vip"));

        ok(update(agent.id(), Map.of("firstName", "Renée", "lastName", "Newname", "roles", List.of("agent", "admin"))));

        JsonObject user = user(agent.id());
        assertEquals("Renée", user.getString("firstName"));
        assertEquals("Newname", user.getString("lastName"));
        assertEquals(new JsonArray(List.of("agent", "admin")), user.getJsonArray("roles"));
        assertEquals(agent.userName(), user.getString("userName"));
        assertEquals(new JsonArray(List.of("vip")), user.getJsonArray("queues"), "queues not named stay");
        Parley.token(agent.userName(), password(agent));
    }

    @Test
    void aNewPasswordRetiresTheOldOneEvenWhereItWasRemembered() {
        Agent agent = Parley.createAgent("rekeyed");
        // a Basic request that succeeds is remembered: the old password would sign in without a bcrypt
        Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me").then().statusCode(200);
        String fresh = "fresh-password-" + agent.userName();

        ok(update(agent.id(), Map.of("password", fresh)));

        Refusals.assertRefused("old password over Basic",
                Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me"), Refusals.NOT_AUTHENTICATED);
        Response token = given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.userName(), "password", password(agent))).post("/api/v2/auth/token");
        assertEquals(401, token.statusCode(), "old password at the token endpoint: " + token.asString());
        Gws.basicRequest(agent.userName(), fresh).get("/api/v2/me").then().statusCode(200);
        Parley.token(agent.userName(), fresh);
    }

    static Stream<Arguments> refusals() {
        String unknown = "0123456789abcdef0123456789abcdef";
        return Stream.of(
                Arguments.of("unknown user id", unknown, Map.of("firstName", "Ghost"), Refusals.NOT_FOUND),
                Arguments.of("malformed user id", "not-an-id", Map.of("firstName", "Ghost"), Refusals.INVALID),
                Arguments.of("unknown parameter", null, Map.of("firstName", "Typo", "nickName", "x"), Refusals.INVALID),
                Arguments.of("userName", null, Map.of("userName", "someone-else"), Refusals.INVALID),
                Arguments.of("userName among others", null, Map.of("firstName", "X", "userName", "other"),
                        Refusals.INVALID),
                Arguments.of("queue not configured", null, Map.of("queues", List.of("sales", "nosuch")),
                        Refusals.NOT_FOUND),
                Arguments.of("empty object", null, Map.of(), Refusals.INVALID),
                Arguments.of("no body", null, "", Refusals.INVALID),
                Arguments.of("not an object", null, "[{\"firstName\":\"Arr\"}]", Refusals.INVALID),
                Arguments.of("not JSON", null, "{firstName: Bare}", Refusals.INVALID),
                Arguments.of("only nulls", null, nulls(), Refusals.INVALID),
                Arguments.of("unknown role", null, Map.of("roles", List.of("root")), Refusals.INVALID),
                Arguments.of("no role", null, Map.of("roles", List.of()), Refusals.INVALID),
                Arguments.of("short password", null, Map.of("password", "short"), Refusals.INVALID),
                Arguments.of("blank first name", null, Map.of("firstName", " "), Refusals.INVALID),
                Arguments.of("control character in a name", null, Map.of("lastName", "a\u0007b"), Refusals.INVALID));
    }

    private static Map<String, Object> nulls() {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("firstName", null);
        body.put("queues", null);
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badInputIsRefusedAndChangesNothing(String name, String id, Object body, int statusCode) {
        Agent agent = Parley.createAgent("unchanged", List.of("vip"));
        JsonObject before = user(agent.id());

        Refusals.assertRefused(name, update(id == null ? agent.id() : id, body), statusCode);

        assertEquals(before, user(agent.id()), "nothing changed");
        Parley.token(agent.userName(), password(agent));
    }

    @Test
    void onlyAnAdministratorChangesUsers() {
        Agent agent = Parley.createAgent("climber");
        JsonObject before = user(agent.id());

        Refusals.assertRefused("an agent changing themselves", as(agent.token())
                .body(Map.of("roles", List.of("agent", "admin"))).put("/api/v2/users/" + agent.id()),
                Refusals.NO_PERMISSION);

        assertEquals(before, user(agent.id()), "nothing changed");
    }

    @Test
    void anAdministratorCannotDropTheirOwnAdminRole() {
        String adminId = as(Parley.adminToken()).get("/api/v2/me").then().statusCode(200).extract().path("user.id");
        JsonObject before = user(adminId);

        Refusals.assertRefused("admin to agent", update(adminId, Map.of("roles", List.of("agent"))),
                Refusals.WRONG_STATE);

        assertEquals(before, user(adminId), "nothing changed");
    }
}
