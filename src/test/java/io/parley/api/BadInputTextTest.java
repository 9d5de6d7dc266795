package io.parley.api;

import static io.parley.api.Bodies.array;
import static io.parley.api.Bodies.json;
import static io.parley.api.Bodies.object;
import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.ADMIN;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.CUSTOMER;
import static io.parley.api.Call.Caller.NOBODY;
import static io.parley.api.Refusals.INVALID;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Text Parley will not store, on every endpoint that takes it: refused with statusCode 10 and a message naming the
 * parameter and the class of character, nothing changed, nobody notified. The scene's agent is Ready meanwhile, so
 * that a chat started by mistake would be offered to them and break the quiet.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputTextTest extends ReadySceneTest {

    private static final String AGENT_CHAT = "/api/v2/me/chats/{chat}";
    private static final String CUSTOMER_CHAT = "/api/v2/chats/{chat}";
    private static final String NOT_UTF8 = "The request body is not valid UTF-8";

    /** One request: its body as raw bytes, so that it can hold what no Java string encodes. */
    record Sent(String name, Call.Caller caller, String path, byte[] body) {

        Response send(ChatScene scene) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            String token = scene.token(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.body(body).post(path.replace("{chat}", scene.chatId()));
        }

        @Override
        public String toString() {
            return "POST " + path + " as " + caller + ": " + name;
        }
    }

    BadInputTextTest() {
        super("texts");
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                agent("NUL in a message", op("SendMessage", "text", "a\u0000b"),
                        "Parameter 'text' holds a control character (U+0000)"),
                agent("BEL in a message", op("SendMessage", "text", "ding\u0007"),
                        "Parameter 'text' holds a control character (U+0007)"),
                agent("ANSI escape in a message to agents", op("SendToAgents", "text", "\u001B[2Jcleared"),
                        "Parameter 'text' holds a control character (U+001B)"),
                agent("C1 NEL in a message", op("SendMessage", "text", "one\u0085two"),
                        "Parameter 'text' holds a control character (U+0085)"),
                agent("DEL in a notice", op("SendCustomNotice", "noticeText", "x\u007F"),
                        "Parameter 'noticeText' holds a control character (U+007F)"),
                agent("vertical tab in a notice to agents", op("SendCustomNoticeToAgents", "noticeText", "a\u000Bb"),
                        "Parameter 'noticeText' holds a control character (U+000B)"),
                agent("TAB in a nickname", op("Accept", "nickname", "Ann\tB"),
                        "Parameter 'nickname' holds a control character (U+0009)"),
                agent("LF in a disposition", op("SetDisposition", "disposition", "Sold\nX-Evil: 1"),
                        "Parameter 'disposition' holds a control character (U+000A)"),
                agent("CR in a disposition key", op("SetDisposition", "disposition", "Sold", "dispositionKey",
                        "Key\r"), "Parameter 'dispositionKey' holds a control character (U+000D)"),
                agent("NUL in a userData key", op("AttachUserData", "userData", object("k\u0000", "v")),
                        "A userData key holds a control character (U+0000)"),
                agent("BEL in a userData value", op("UpdateUserData", "userData", object("k", "v\u0007")),
                        "userData value of 'k' holds a control character (U+0007)"),
                agent("LF in a key to delete", op("DeleteUserData", "keys", array("a\nb")),
                        "Parameter 'keys' holds a control character (U+000A)"),
                agent("NUL in an operationName", op("SendMessage\u0000", "text", "hi"),
                        "Parameter 'operationName' holds a control character (U+0000)"),
                customer("SOH in a message", op("SendMessage", "text", "\u0001hi"),
                        "Parameter 'text' holds a control character (U+0001)"),
                start("TAB in a nickname", json("nickname", "Ann\tB"),
                        "Parameter 'nickname' holds a control character (U+0009)"),
                start("BEL in a subject", json("nickname", "Ann", "subject", "late\u0007"),
                        "Parameter 'subject' holds a control character (U+0007)"),
                start("LF in a userData key", json("nickname", "Ann", "userData", object("a\nb", "v")),
                        "A userData key holds a control character (U+000A)"),
                user("NUL in a first name", json("userName", Parley.uniqueName("nul"), "password", "password-1",
                        "firstName", "Ann\u0000"), "Parameter 'firstName' holds a control character (U+0000)"),
                user("ESC in a last name", json("userName", Parley.uniqueName("esc"), "password", "password-1",
                        "lastName", "\u001B[31mRed"), "Parameter 'lastName' holds a control character (U+001B)"),
                user("NUL in a role", json("userName", Parley.uniqueName("role"), "password", "password-1",
                        "roles", array("agent\u0000")), "Parameter 'roles' holds a control character (U+0000)"),
                session("NUL in a channel", op("StartContactCenterSession", "channels", array("chat\u0000")),
                        "Parameter 'channels' holds a control character (U+0000)"),
                signIn("NUL in a user name", json("username", "admin\u0000", "password", Parley.ADMIN_PASSWORD),
                        "Parameter 'username' holds a control character (U+0000)"),
                // last, as each would end the scene's chat if it were accepted
                agent("ESC in a parting text", op("Leave", "text", "bye\u001B"),
                        "Parameter 'text' holds a control character (U+001B)"),
                customer("NUL in a parting text", op("Leave", "text", "bye\u0000"),
                        "Parameter 'text' holds a control character (U+0000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void controlCharactersAreRefused(Sent sent, String message) {
        assertRefusedUnchanged(sent, message);
    }

    static Stream<Arguments> lineBreaksInNames() {
        return Stream.of(
                agent("line separator in a nickname", op("Accept", "nickname", "Ann\u2028B"),
                        "Parameter 'nickname' holds a line break (U+2028)"),
                agent("paragraph separator in a userData key", op("AttachUserData", "userData",
                        object("a\u2029b", "v")), "A userData key holds a line break (U+2029)"),
                start("line separator in a nickname", json("nickname", "Ann\u2028B"),
                        "Parameter 'nickname' holds a line break (U+2028)"),
                user("paragraph separator in a first name", json("userName", Parley.uniqueName("ps"), "password",
                        "password-1", "firstName", "Ann\u2029"),
                        "Parameter 'firstName' holds a line break (U+2029)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineBreaksInNames")
    void lineBreaksAreRefusedInNames(Sent sent, String message) {
        assertRefusedUnchanged(sent, message);
    }

    static Stream<Arguments> bidirectionalFormatting() {
        return Stream.of(
                agent("RLO in a message", op("SendMessage", "text", "invoice_\u202Efdp.exe"),
                        "Parameter 'text' holds a bidirectional embedding or override (U+202E)"),
                agent("LRE in a message to agents", op("SendToAgents", "text", "a\u202Ab"),
                        "Parameter 'text' holds a bidirectional embedding or override (U+202A)"),
                agent("PDF in a notice", op("SendCustomNotice", "noticeText", "a\u202Cb"),
                        "Parameter 'noticeText' holds a bidirectional embedding or override (U+202C)"),
                agent("LRO in a userData value", op("AttachUserData", "userData", object("k", "a\u202Db")),
                        "userData value of 'k' holds a bidirectional embedding or override (U+202D)"),
                agent("RLO in a URL", op("SendUrl", "url", "https://example.com/\u202Egpj.exe"),
                        "Parameter 'url' holds a bidirectional embedding or override (U+202E)"),
                agent("RLI in a nickname", op("Accept", "nickname", "\u2067Ann\u2069"),
                        "Parameter 'nickname' holds a bidirectional formatting character (U+2067)"),
                agent("RLM in a userData key", op("UpdateUserData", "userData", object("k\u200F", "v")),
                        "A userData key holds a bidirectional formatting character (U+200F)"),
                agent("LRI in a disposition", op("SetDisposition", "disposition", "\u2066Sold\u2069"),
                        "Parameter 'disposition' holds a bidirectional formatting character (U+2066)"),
                customer("RLE in a message", op("SendMessage", "text", "a\u202Bb"),
                        "Parameter 'text' holds a bidirectional embedding or override (U+202B)"),
                start("FSI in a nickname", json("nickname", "\u2068Ann\u2069"),
                        "Parameter 'nickname' holds a bidirectional formatting character (U+2068)"),
                start("RLE in a subject", json("nickname", "Ann", "subject", "\u202Blate"),
                        "Parameter 'subject' holds a bidirectional embedding or override (U+202B)"),
                user("RLO in a last name", json("userName", Parley.uniqueName("rlo"), "password", "password-1",
                        "lastName", "\u202ETest"),
                        "Parameter 'lastName' holds a bidirectional embedding or override (U+202E)"),
                user("LRM in a first name", json("userName", Parley.uniqueName("lrm"), "password", "password-1",
                        "firstName", "Ann\u200E"),
                        "Parameter 'firstName' holds a bidirectional formatting character (U+200E)"),
                agent("RLO in a parting text", op("Complete", "text", "\u202Ebye"),
                        "Parameter 'text' holds a bidirectional embedding or override (U+202E)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bidirectionalFormatting")
    void bidirectionalOverridesAreRefusedAndIsolatesInNames(Sent sent, String message) {
        assertRefusedUnchanged(sent, message);
    }

    static Stream<Arguments> noncharacters() {
        return Stream.of(
                agent("U+FFFF in a message", op("SendMessage", "text", "a\uFFFF"),
                        "Parameter 'text' holds a noncharacter (U+FFFF)"),
                agent("U+FDD0 in a userData value", op("AttachUserData", "userData", object("k", "\uFDD0")),
                        "userData value of 'k' holds a noncharacter (U+FDD0)"),
                agent("U+10FFFF in a notice", op("SendCustomNotice", "noticeText", Character.toString(0x10FFFF)),
                        "Parameter 'noticeText' holds a noncharacter (U+10FFFF)"),
                customer("U+1FFFE in a message", op("SendMessage", "text", "a" + Character.toString(0x1FFFE)),
                        "Parameter 'text' holds a noncharacter (U+1FFFE)"),
                start("U+FFFE in a nickname", json("nickname", "\uFFFEAnn"),
                        "Parameter 'nickname' holds a noncharacter (U+FFFE)"),
                start("U+FDEF in a userData value", json("nickname", "Ann", "userData", object("k", "\uFDEF")),
                        "userData value of 'k' holds a noncharacter (U+FDEF)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noncharacters")
    void noncharactersAreRefused(Sent sent, String message) {
        assertRefusedUnchanged(sent, message);
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                agent("high surrogate alone in a message", op("SendMessage", "text", "a\uD800b"),
                        "Parameter 'text' holds a lone surrogate (U+D800)"),
                agent("pair reversed in a message", op("SendMessage", "text", "\uDE00\uD83D"),
                        "Parameter 'text' holds a lone surrogate (U+DE00)"),
                agent("low surrogate alone in a nickname", op("Accept", "nickname", "\uDC00"),
                        "Parameter 'nickname' holds a lone surrogate (U+DC00)"),
                agent("high surrogate at the end of a userData value", op("AttachUserData", "userData",
                        object("k", "smile \uD83D")), "userData value of 'k' holds a lone surrogate (U+D83D)"),
                agent("lone surrogate in a userData key", op("AttachUserData", "userData", object("\uD83Dk", "v")),
                        "A userData key holds a lone surrogate (U+D83D)"),
                agent("lone surrogate in a parameter name", op("SendMessage", "text", "hi", "\uD800", "x"),
                        "Unknown parameter '?'"),
                agent("lone surrogate in an operationName", op("Dance\uD800"),
                        "Parameter 'operationName' holds a lone surrogate (U+D800)"),
                customer("low surrogate alone in a message", op("SendMessage", "text", "\uDFFF"),
                        "Parameter 'text' holds a lone surrogate (U+DFFF)"),
                start("lone surrogate in a nickname", json("nickname", "Ann\uD800"),
                        "Parameter 'nickname' holds a lone surrogate (U+D800)"),
                user("lone surrogate in a password", json("userName", Parley.uniqueName("sur"), "password",
                        "password-\uD800"), "Parameter 'password' holds a lone surrogate (U+D800)"),
                signIn("lone surrogate in a password", json("username", "admin", "password", "\uDBFF"),
                        "Parameter 'password' holds a lone surrogate (U+DBFF)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void loneSurrogatesAreRefused(Sent sent, String message) {
        assertRefusedUnchanged(sent, message);
    }

    /** Bytes no UTF-8 decoder may accept, each in a body that would otherwise change something. */
    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                agent("stray continuation byte", utf8("{\"operationName\":\"SendMessage\",\"text\":\"a", 0x80, "\"}")),
                agent("byte FF", utf8("{\"operationName\":\"SendMessage\",\"text\":\"a", 0xFF, "\"}")),
                agent("sequence cut short", utf8("{\"operationName\":\"SendMessage\",\"text\":\"caf", 0xC3, "\"}")),
                agent("overlong slash", utf8("{\"operationName\":\"SendMessage\",\"text\":\"..", 0xC0, 0xAF,
                        "\"}")),
                agent("encoded surrogate (CESU-8)", utf8("{\"operationName\":\"SendMessage\",\"text\":\"a", 0xED,
                        0xA0, 0x80, "\"}")),
                agent("beyond U+10FFFF", utf8("{\"operationName\":\"SendMessage\",\"text\":\"a", 0xF4, 0x90, 0x80,
                        0x80, "\"}")),
                agent("Latin-1 in a userData value", utf8("{\"operationName\":\"AttachUserData\",\"userData\":"
                        + "{\"city\":\"Z", 0xFC, "rich\"}}")),
                agent("Latin-1 in a userData key", utf8("{\"operationName\":\"AttachUserData\",\"userData\":{\"",
                        0xE9, "\":\"v\"}}")),
                customer("byte FE in a message", utf8("{\"operationName\":\"SendMessage\",\"text\":\"", 0xFE,
                        "\"}")),
                start("Latin-1 in a nickname", utf8("{\"nickname\":\"Ren", 0xE9, "\"}")),
                user("Latin-1 in a first name", utf8("{\"userName\":\"" + Parley.uniqueName("latin")
                        + "\",\"password\":\"password-1\",\"firstName\":\"Ren", 0xE9, "\"}")),
                session("byte FF in a channel", utf8("{\"operationName\":\"StartContactCenterSession\","
                        + "\"channels\":[\"chat", 0xFF, "\"]}")),
                new Sent("byte FF in an operationName", AGENT, "/api/v2/me/channels/chat",
                        utf8("{\"operationName\":\"Ready", 0xFF, "\"}")),
                signIn("Latin-1 in a password", utf8("{\"username\":\"admin\",\"password\":\"", 0xE9, "\"}")))
                .map(sent -> Arguments.of(sent, NOT_UTF8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsRefused(Sent sent, String message) {
        assertRefusedUnchanged(sent, message);
    }

    /** CometD long-polling too: a message with malformed bytes is refused, not handshaken with U+FFFD in its id. */
    @Test
    void aCometdMessageThatIsNotUtf8IsRefused() {
        byte[] handshake = utf8("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"],\"id\":\"1", 0xFF, "\"}]");

        Response reply = Parley.as(scene.agent.token()).body(handshake).post("/api/v2/notifications");

        assertEquals(400, reply.statusCode(), reply.asString());
        assertEquals("400::Malformed message", reply.jsonPath().getString("[0].error"), reply.asString());
        assertEquals(false, reply.jsonPath().getBoolean("[0].successful"), reply.asString());
    }

    private void assertRefusedUnchanged(Sent sent, String message) {
        scene.assertRefusedUnchanged(sent, () -> {
            Response reply = sent.send(scene);
            assertEquals(message, reply.jsonPath().getString("statusMessage"), sent + " -> " + reply.asString());
            return reply;
        }, INVALID);
    }

    private static Arguments agent(String name, String body, String message) {
        return Arguments.of(agent(name, ascii(body)), message);
    }

    private static Arguments customer(String name, String body, String message) {
        return Arguments.of(customer(name, ascii(body)), message);
    }

    private static Arguments start(String name, String body, String message) {
        return Arguments.of(start(name, ascii(body)), message);
    }

    private static Arguments user(String name, String body, String message) {
        return Arguments.of(user(name, ascii(body)), message);
    }

    private static Arguments session(String name, String body, String message) {
        return Arguments.of(session(name, ascii(body)), message);
    }

    private static Arguments signIn(String name, String body, String message) {
        return Arguments.of(signIn(name, ascii(body)), message);
    }

    private static Sent agent(String name, byte[] body) {
        return new Sent(name, AGENT, AGENT_CHAT, body);
    }

    private static Sent customer(String name, byte[] body) {
        return new Sent(name, CUSTOMER, CUSTOMER_CHAT, body);
    }

    private static Sent start(String name, byte[] body) {
        return new Sent(name, NOBODY, "/api/v2/chats", body);
    }

    private static Sent user(String name, byte[] body) {
        return new Sent(name, ADMIN, "/api/v2/users", body);
    }

    private static Sent session(String name, byte[] body) {
        return new Sent(name, AGENT, "/api/v2/me", body);
    }

    private static Sent signIn(String name, byte[] body) {
        return new Sent(name, NOBODY, "/api/v2/auth/token", body);
    }

    /**
     * The JSON with every character outside printable ASCII written as a JSON escape (backslash, u, four hex
     * digits), as a client may send it: a lone surrogate has no UTF-8 form, so an escape is the only way to send it.
     */
    private static byte[] ascii(String json) {
        StringBuilder out = new StringBuilder();
        for (char c : json.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A body of ASCII text and raw bytes (given as ints). */
    private static byte[] utf8(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer octet) {
                out.write(octet);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
