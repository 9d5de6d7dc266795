package io.parley.api;

import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.CUSTOMER;
import static io.parley.api.Refusals.NOT_FOUND;
import static io.parley.api.Refusals.WRONG_STATE;
import static io.parley.api.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Operations the chat's current state does not allow (2), and those of an agent whose part in the chat is over (6):
 * refused with nothing changed.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NoStackTraces.class)
class BadInputStateTest {

    private static final String AGENT_CHAT = "/api/v2/me/chats/{chat}";
    private static final String CUSTOMER_CHAT = "/api/v2/chats/{chat}";
    private static final String HELLO = op("SendMessage", "text", "hello");

    /** Where the chat stands when the refused request arrives. */
    enum Stage {
        /** Offered to the agent, who has not answered. */
        INVITED(() -> ChatScene.offered("invited")),
        /** The only agent is chatting with the customer. */
        ALONE(() -> ChatScene.chatting("alone")),
        /** The agent left; the customer is still there. */
        LEFT_CHAT(() -> {
            ChatScene left = ChatScene.chatting("leaver");
            Parley.operate(left.agent, left.chatId(), Map.of("operationName", "Leave"));
            return left;
        }),
        /** The customer left the chat. */
        CUSTOMER_GONE(() -> {
            ChatScene gone = ChatScene.chatting("abandoned");
            Parley.customerOperate(gone.customer, Map.of("operationName", "Leave"));
            return gone;
        }),
        /** The agent completed the chat, which ended. */
        COMPLETED(() -> {
            ChatScene done = ChatScene.chatting("completer");
            Parley.operate(done.agent, done.chatId(), Map.of("operationName", "Complete"));
            return done;
        });

        final Supplier<ChatScene> build;

        Stage(Supplier<ChatScene> build) {
            this.build = build;
        }
    }

    private final Map<Stage, ChatScene> scenes = new EnumMap<>(Stage.class);

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @AfterAll
    void tearDown() {
        scenes.values().forEach(ChatScene::close);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, HELLO, WRONG_STATE),
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, op("SendStartTypingNotification"), WRONG_STATE),
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, op("Complete"), WRONG_STATE),
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, op("Leave"), WRONG_STATE),
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, op("SetInFocus"), WRONG_STATE),
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, op("SetDisposition", "disposition", "Sale"), WRONG_STATE),
                row(Stage.INVITED, AGENT, "GET", AGENT_CHAT + "/messages", null, WRONG_STATE),
                // docs/api.md §5 step 2: only a Chatting agent the customer sees may bring others in; to anyone else
                // the chat is not there
                row(Stage.INVITED, AGENT, "POST", AGENT_CHAT, op("Invite", "targetPath", "/users/{agent}"), NOT_FOUND),
                row(Stage.ALONE, AGENT, "POST", AGENT_CHAT, op("Accept", "nickname", "Again"), WRONG_STATE),
                row(Stage.ALONE, AGENT, "POST", AGENT_CHAT, op("Reject"), WRONG_STATE),
                row(Stage.ALONE, AGENT, "POST", AGENT_CHAT, op("SendToAgents", "text", "anyone?"), WRONG_STATE),
                row(Stage.ALONE, AGENT, "POST", AGENT_CHAT, op("SendStartTypingToAgentsNotification"), WRONG_STATE),
                row(Stage.ALONE, AGENT, "POST", AGENT_CHAT, op("SendStopTypingToAgentsNotification"), WRONG_STATE),
                row(Stage.LEFT_CHAT, AGENT, "POST", AGENT_CHAT, HELLO, WRONG_STATE),
                row(Stage.LEFT_CHAT, AGENT, "POST", AGENT_CHAT, op("SendUrl", "url", "https://example.com"),
                        WRONG_STATE),
                row(Stage.LEFT_CHAT, AGENT, "POST", AGENT_CHAT, op("Accept", "nickname", "Back"), WRONG_STATE),
                row(Stage.LEFT_CHAT, AGENT, "POST", AGENT_CHAT, op("AttachUserData", "userData",
                        Bodies.object("k", "v")), WRONG_STATE),
                row(Stage.LEFT_CHAT, AGENT, "POST", AGENT_CHAT, op("Invite", "targetPath", "/users/{agent}"),
                        NOT_FOUND),
                row(Stage.CUSTOMER_GONE, CUSTOMER, "POST", CUSTOMER_CHAT, HELLO, WRONG_STATE),
                row(Stage.CUSTOMER_GONE, CUSTOMER, "POST", CUSTOMER_CHAT, op("SendStartTypingNotification"),
                        WRONG_STATE),
                row(Stage.CUSTOMER_GONE, CUSTOMER, "POST", CUSTOMER_CHAT, op("Leave"), WRONG_STATE),
                // reading the ended chat stays open to its agent for the retention: ChatRetentionTest
                row(Stage.COMPLETED, AGENT, "POST", AGENT_CHAT, HELLO, NOT_FOUND),
                row(Stage.COMPLETED, AGENT, "POST", AGENT_CHAT, op("Complete"), NOT_FOUND),
                row(Stage.COMPLETED, CUSTOMER, "POST", CUSTOMER_CHAT, HELLO, WRONG_STATE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void refusedAndNothingChanged(Stage stage, Call call, int statusCode) {
        ChatScene scene = scenes.computeIfAbsent(stage, s -> s.build.get().listen());
        scene.assertRefusedUnchanged(stage + " " + call, () -> call.send(scene, null), statusCode);
    }

    @Test
    void readinessWithoutASessionIsRefused() {
        Parley.Agent agent = Parley.createAgent("sessionless");
        String before = Parley.as(agent.token()).get("/api/v2/me").asString();

        assertRefused("Ready while LoggedOut", Parley.as(agent.token()).body(op("Ready"))
                .post("/api/v2/me/channels/chat"), WRONG_STATE);

        assertEquals(before, Parley.as(agent.token()).get("/api/v2/me").asString(), "still LoggedOut");
    }

    private static Arguments row(Stage stage, Call.Caller caller, String method, String path, String body,
            int statusCode) {
        String name = body == null ? "read" : new JsonObject(body).getString("operationName");
        return Arguments.of(stage, new Call(name, caller, method, path, body), statusCode);
    }
}
