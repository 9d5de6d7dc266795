package io.parley.api;

import static io.parley.api.Bodies.array;
import static io.parley.api.Bodies.json;
import static io.parley.api.Bodies.longText;
import static io.parley.api.Bodies.object;
import static io.parley.api.Call.Caller.NOBODY;
import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.MISSING;
import static io.parley.api.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Starting a customer chat with bad parameters. The scene's agent is Ready while each request is made: a chat
 * started by mistake would be offered to them, so their quiet stream shows that none was.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputStartChatTest extends ReadySceneTest {

    BadInputStartChatTest() {
        super("starts");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("no nickname", json("subject", "late order"), MISSING),
                row("null nickname", json("nickname", null), MISSING),
                row("numeric nickname", json("nickname", 7), INVALID),
                row("nickname array", json("nickname", array("Ann")), INVALID),
                row("nickname object", json("nickname", object("first", "Ann")), INVALID),
                row("empty nickname", json("nickname", ""), INVALID),
                row("blank nickname", json("nickname", "\t \r\n"), INVALID),
                row("nickname of 65 characters", json("nickname", longText(65)), INVALID),
                row("numeric subject", json("nickname", "Ann", "subject", 1), INVALID),
                row("subject of 257 characters", json("nickname", "Ann", "subject", longText(257)), INVALID),
                row("userData as a string", json("nickname", "Ann", "userData", "vip"), INVALID),
                row("nested userData", json("nickname", "Ann", "userData", object("a", object("b", "c"))), INVALID),
                row("userData boolean value", json("nickname", "Ann", "userData", object("vip", true)), INVALID),
                row("userData number beyond double", "{\"nickname\":\"Ann\",\"userData\":{\"n\":1e999}}", INVALID),
                row("own chat id", json("nickname", "Ann", "chatId", "0000Na9B26EF006E"), INVALID),
                row("own participant id", json("nickname", "Ann", "participantId", "009052CB05CA00EB"), INVALID),
                row("extra field", json("nickname", "Ann", "priority", 1), INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAndNoChatStarted(Call call, int statusCode) {
        String before = scene.state();

        assertRefused(call, call.send(scene, null), statusCode);

        assertEquals(before, scene.state(), "nothing changed");
        scene.assertQuiet();
    }

    /** The control: a chat that does start is offered to the Ready agent at once. */
    @Test
    void aChatThatStartsIsOfferedToTheReadyAgent() {
        Parley.Customer customer = Parley.startChat("Control");

        JsonObject offer = scene.agentStream().nextOfType("StatusChange").json();
        assertEquals(customer.chatId(), offer.getJsonObject("chat").getString("id"));

        Parley.customerOperate(customer, Map.of("operationName", "Leave"));
        scene.agentStream().nextOfType("StatusChange");
        scene.assertQuiet();
    }

    private static Arguments row(String name, String body, int statusCode) {
        return Arguments.of(Call.post(name, NOBODY, "/api/v2/chats", body), statusCode);
    }
}
