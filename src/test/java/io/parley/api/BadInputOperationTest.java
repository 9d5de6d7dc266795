package io.parley.api;

import static io.parley.api.Bodies.array;
import static io.parley.api.Bodies.json;
import static io.parley.api.Bodies.longText;
import static io.parley.api.Bodies.object;
import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.CUSTOMER;
import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.MISSING;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** Chat operations with parameters missing, mistyped, unknown or too long, from the agent and from the customer. */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputOperationTest extends SceneTest {

    private static final String AGENT_CHAT = "/api/v2/me/chats/{chat}";
    private static final String CUSTOMER_CHAT = "/api/v2/chats/{chat}";

    BadInputOperationTest() {
        super("operations");
    }

    static Stream<Arguments> agentRefusals() {
        return Stream.of(
                row("no operationName", json("text", "hi"), MISSING),
                row("null operationName", json("operationName", null), MISSING),
                row("unknown operationName", op("Dance"), INVALID),
                row("operationName in lower case", op("sendmessage", "text", "hi"), INVALID),
                row("customer-side start", op("StartChat"), INVALID),
                row("session operation", op("StartContactCenterSession"), INVALID),
                row("numeric operationName", json("operationName", 7), INVALID),
                row("operationName object", json("operationName", object("name", "SendMessage")), INVALID),
                row("empty operationName", op(""), INVALID),
                row("operationName with CR/LF", op("SendMessage\r\nX-Evil: 1"), INVALID),
                row("65-character operationName", op(longText(65)), INVALID),
                row("Accept without nickname", op("Accept"), MISSING),
                row("SendMessage without text", op("SendMessage"), MISSING),
                row("SendMessage with null text", op("SendMessage", "text", null), MISSING),
                row("SendToAgents without text", op("SendToAgents"), MISSING),
                row("SendUrl without url", op("SendUrl"), MISSING),
                row("SendCustomNotice without noticeText", op("SendCustomNotice"), MISSING),
                row("SendCustomNoticeToAgents without noticeText", op("SendCustomNoticeToAgents"), MISSING),
                row("SetDisposition without disposition", op("SetDisposition", "dispositionKey", "Outcome"), MISSING),
                row("AttachUserData without userData", op("AttachUserData"), MISSING),
                row("UpdateUserData without userData", op("UpdateUserData"), MISSING),
                row("DeleteUserData without keys", op("DeleteUserData"), MISSING),
                row("numeric text", op("SendMessage", "text", 5), INVALID),
                row("text array", op("SendMessage", "text", array("hi")), INVALID),
                row("text object", op("SendMessage", "text", object("value", "hi")), INVALID),
                row("boolean text", op("SendMessage", "text", true), INVALID),
                row("empty text", op("SendMessage", "text", ""), INVALID),
                row("blank text", op("SendMessage", "text", " \r\n\t"), INVALID),
                row("text of 16385 characters", op("SendMessage", "text", longText(16_385)), INVALID),
                row("notice of 16385 characters", op("SendCustomNotice", "noticeText", longText(16_385)), INVALID),
                row("nickname of 65 characters", op("Accept", "nickname", longText(65)), INVALID),
                row("url without scheme", op("SendUrl", "url", "example.com/page"), INVALID),
                row("javascript url", op("SendUrl", "url", "javascript:alert(1)"), INVALID),
                row("file url", op("SendUrl", "url", "file:///etc/passwd"), INVALID),
                row("url with spaces", op("SendUrl", "url", "http://exa mple.com/"), INVALID),
                row("url of 2049 characters", op("SendUrl", "url", "http://example.com/" + longText(2030)), INVALID),
                row("numeric disposition", op("SetDisposition", "disposition", 3), INVALID),
                row("userData as a string", op("AttachUserData", "userData", "k=v"), INVALID),
                row("userData array", op("UpdateUserData", "userData", array("k", "v")), INVALID),
                row("nested userData", op("AttachUserData", "userData", object("k", object("n", 1))), INVALID),
                row("userData array value", op("AttachUserData", "userData", object("k", array(1))), INVALID),
                row("userData boolean value", op("AttachUserData", "userData", object("k", true)), INVALID),
                row("userData null value", op("AttachUserData", "userData", object("k", null)), INVALID),
                row("userData empty key", op("AttachUserData", "userData", object("", "v")), INVALID),
                row("userData key of 257 characters", op("AttachUserData", "userData", object(longText(257), "v")),
                        INVALID),
                row("userData value of 16385 characters", op("AttachUserData", "userData",
                        object("k", longText(16_385))), INVALID),
                row("userData of 101 entries", op("AttachUserData", "userData", manyEntries(101)), INVALID),
                row("userData -Infinity", "{\"operationName\":\"AttachUserData\",\"userData\":{\"k\":-Infinity}}",
                        INVALID),
                row("userData number beyond double", "{\"operationName\":\"AttachUserData\",\"userData\":{\"k\":1e999}}",
                        INVALID),
                row("userData number of 1001 digits", "{\"operationName\":\"AttachUserData\",\"userData\":{\"k\":"
                        + "9".repeat(1001) + "}}", INVALID),
                row("userData nested 500 deep", "{\"operationName\":\"AttachUserData\",\"userData\":"
                        + "{\"k\":".repeat(500) + "1" + "}".repeat(500) + "}", INVALID),
                row("keys as a string", op("DeleteUserData", "keys", "k"), INVALID),
                row("numeric key", op("DeleteUserData", "keys", array(1)), INVALID),
                row("101 keys", op("DeleteUserData", "keys", IntStream.range(0, 101).mapToObj(i -> "k" + i).toList()),
                        INVALID),
                row("unknown parameter on SendMessage", op("SendMessage", "text", "hi", "visibility", "All"), INVALID),
                row("unknown parameter on Reject", op("Reject", "reason", "busy"), INVALID),
                row("unknown parameter on typing", op("SendStartTypingNotification", "text", "hi"), INVALID),
                row("unknown parameter on SetInFocus", op("SetInFocus", "focus", true), INVALID),
                row("targetUri on SendMessage", op("SendMessage", "text", "hi", "targetUri", "x"), INVALID),
                // messageType, treatAs, saveLAR: https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete
                row("treatAs neither Normal nor System", op("SendMessage", "text", "hi", "treatAs", "Bold"), INVALID),
                row("treatAs in lower case", op("SendToAgents", "text", "hi", "treatAs", "system"), INVALID),
                row("numeric messageType", op("SendMessage", "text", "hi", "messageType", 3), INVALID),
                row("messageType with a line break", op("SendMessage", "text", "hi", "messageType", "a\nb"),
                        INVALID),
                row("messageType without text on Complete", op("Complete", "messageType", "Closing"), MISSING),
                row("treatAs without text on Leave", op("Leave", "treatAs", "System"), MISSING),
                row("messageType without text on Transfer", op("Transfer", "queueName", "sales",
                        "messageType", "Bye"), MISSING),
                row("saveLAR neither true nor false", op("Complete", "saveLAR", "yes"), INVALID),
                row("numeric saveLAR", op("Complete", "saveLAR", 1), INVALID),
                row("saveLAR on Leave", op("Leave", "saveLAR", true), INVALID),
                row("queueName on Leave", op("Leave", "queueName", "sales"), INVALID),
                row("messageType on SendUrl", op("SendUrl", "url", "https://example.com", "messageType", "x"),
                        INVALID),
                row("treatAs on Invite", op("Invite", "targetUri", "x", "treatAs", "System"), INVALID),
                row("unknown parameter on Complete", op("Complete", "reason", "done"), INVALID),
                customer("no operationName", json("text", "hi"), MISSING),
                customer("agent operation", op("Invite", "targetUri", "http://localhost/api/v2/users/{agent}"),
                        INVALID),
                customer("SendToAgents", op("SendToAgents", "text", "psst"), INVALID),
                customer("Complete", op("Complete"), INVALID),
                customer("unknown operationName", op("Shout", "text", "hi"), INVALID),
                customer("SendMessage without text", op("SendMessage"), MISSING),
                customer("numeric text", op("SendMessage", "text", 1), INVALID),
                customer("text of 16385 characters", op("SendMessage", "text", longText(16_385)), INVALID),
                customer("unknown parameter", op("SendMessage", "text", "hi", "visibility", "Agents"), INVALID),
                customer("nickname on Leave", op("Leave", "nickname", "x"), INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentRefusals")
    void refusedAndNothingChanged(Call call, int statusCode) {
        scene.assertRefusedUnchanged(call, () -> call.send(scene, null), statusCode);
    }

    private static Arguments row(String name, String body, int statusCode) {
        return Arguments.of(Call.post(name, AGENT, AGENT_CHAT, body), statusCode);
    }

    private static Arguments customer(String name, String body, int statusCode) {
        return Arguments.of(Call.post(name, CUSTOMER, CUSTOMER_CHAT, body), statusCode);
    }

    private static Map<String, Object> manyEntries(int count) {
        Map<String, Object> entries = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> entries.put("k" + i, "v"));
        return entries;
    }

}
