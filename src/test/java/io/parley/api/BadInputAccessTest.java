package io.parley.api;

import static io.parley.api.Bodies.json;
import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.ADMIN;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.CUSTOMER;
import static io.parley.api.Call.Caller.OUTSIDER;
import static io.parley.api.Call.Caller.STRANGER;
import static io.parley.api.Refusals.NOT_FOUND;
import static io.parley.api.Refusals.NO_PERMISSION;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Authenticated callers out of their place: the wrong role is refused (5 / HTTP 403); an agent or customer reaching
 * for a chat that is not theirs finds nothing (6), so that chat ids cannot be probed.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputAccessTest extends SceneTest {

    private static final String AGENT_CHAT = "/api/v2/me/chats/{chat}";
    private static final String CUSTOMER_CHAT = "/api/v2/chats/{chat}";
    private static final String HELLO = op("SendMessage", "text", "hello");

    private Agent outsider;
    private Customer stranger;

    BadInputAccessTest() {
        super("access");
    }

    @BeforeEach
    void strangers() {
        if (outsider == null) {
            outsider = Parley.createAgent("outsider");
            // nobody is Ready: the stranger's chat waits in the queue until it leaves
            stranger = Parley.startChat("stranger");
        }
    }

    @AfterAll
    void strangerLeaves() {
        Parley.as(stranger.token()).port(scene.port()).body(Map.of("operationName", "Leave"))
                .post("/api/v2/chats/" + stranger.chatId());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row(CUSTOMER, "GET", "/api/v2/users", null, NO_PERMISSION),
                row(CUSTOMER, "POST", "/api/v2/users", json("userName", "sneaky", "password", "password-1"),
                        NO_PERMISSION),
                row(CUSTOMER, "GET", "/api/v2/users/{agent}", null, NO_PERMISSION),
                row(CUSTOMER, "PUT", "/api/v2/users/{agent}", json("firstName", "Sneaky"), NO_PERMISSION),
                row(CUSTOMER, "GET", "/api/v2/me", null, NO_PERMISSION),
                row(CUSTOMER, "POST", "/api/v2/me", op("StartContactCenterSession"), NO_PERMISSION),
                row(CUSTOMER, "POST", "/api/v2/me/channels/chat", op("Ready"), NO_PERMISSION),
                row(CUSTOMER, "GET", "/api/v2/me/chats", null, NO_PERMISSION),
                row(CUSTOMER, "GET", AGENT_CHAT, null, NO_PERMISSION),
                row(CUSTOMER, "GET", AGENT_CHAT + "/messages", null, NO_PERMISSION),
                row(CUSTOMER, "POST", AGENT_CHAT, op("SendToAgents", "text", "psst"), NO_PERMISSION),
                row(AGENT, "POST", "/api/v2/users", json("userName", "self-made", "password", "password-1",
                        "roles", Bodies.array("admin")), NO_PERMISSION),
                row(AGENT, "PUT", "/api/v2/users/{agent}", json("roles", Bodies.array("agent", "admin")),
                        NO_PERMISSION),
                row(AGENT, "GET", CUSTOMER_CHAT, null, NO_PERMISSION),
                row(AGENT, "GET", CUSTOMER_CHAT + "/messages", null, NO_PERMISSION),
                row(AGENT, "POST", CUSTOMER_CHAT, HELLO, NO_PERMISSION),
                row(ADMIN, "GET", "/api/v2/me/chats", null, NO_PERMISSION),
                row(ADMIN, "GET", AGENT_CHAT, null, NO_PERMISSION),
                row(ADMIN, "POST", AGENT_CHAT, HELLO, NO_PERMISSION),
                row(ADMIN, "GET", CUSTOMER_CHAT, null, NO_PERMISSION),
                row(ADMIN, "POST", "/api/v2/me", op("StartContactCenterSession"), NO_PERMISSION),
                row(ADMIN, "POST", "/api/v2/me/channels/chat", op("Ready"), NO_PERMISSION),
                row(OUTSIDER, "GET", AGENT_CHAT, null, NOT_FOUND),
                row(OUTSIDER, "GET", AGENT_CHAT + "/messages", null, NOT_FOUND),
                row(OUTSIDER, "POST", AGENT_CHAT, HELLO, NOT_FOUND),
                row(OUTSIDER, "POST", AGENT_CHAT, op("Accept", "nickname", "Gatecrasher"), NOT_FOUND),
                row(OUTSIDER, "POST", AGENT_CHAT, op("Invite", "targetPath", "/users/{agent}"), NOT_FOUND),
                row(OUTSIDER, "POST", AGENT_CHAT, op("RemoveParticipantFromConference", "targetPath",
                        "/users/{agent}"), NOT_FOUND),
                row(OUTSIDER, "POST", AGENT_CHAT, op("AttachUserData", "userData", Bodies.object("k", "v")), NOT_FOUND),
                row(OUTSIDER, "POST", AGENT_CHAT, op("Complete"), NOT_FOUND),
                row(STRANGER, "GET", CUSTOMER_CHAT, null, NOT_FOUND),
                row(STRANGER, "GET", CUSTOMER_CHAT + "/messages", null, NOT_FOUND),
                row(STRANGER, "POST", CUSTOMER_CHAT, HELLO, NOT_FOUND),
                row(STRANGER, "POST", CUSTOMER_CHAT, op("Leave"), NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAndNothingChanged(Call call, int statusCode) {
        scene.assertRefusedUnchanged(call, () -> call.send(scene, null, caller -> switch (caller) {
            case OUTSIDER -> outsider.token();
            case STRANGER -> stranger.token();
            default -> scene.token(caller);
        }), statusCode);
    }

    private static Arguments row(Call.Caller caller, String method, String path, String body, int statusCode) {
        String name = statusCode == NO_PERMISSION ? "wrong role" : "not their chat";
        return Arguments.of(new Call(name, caller, method, path, body), statusCode);
    }
}
