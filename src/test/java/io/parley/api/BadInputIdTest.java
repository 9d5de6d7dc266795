package io.parley.api;

import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.CUSTOMER;
import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.NOT_FOUND;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Ids in paths and paging parameters: malformed ones are refused (10) before they reach Redis, well-formed unknown
 * ones are not found (6).
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputIdTest extends SceneTest {

    /** Path segments as sent on the wire (percent-encoded where a URI requires it). */
    private static final List<String[]> MALFORMED_CHAT_IDS = List.of(
            new String[] { "glob star", "*" },
            new String[] { "encoded glob star", "%2A" },
            new String[] { "star in a 16-character id", "0000Na9B26EF006*" },
            new String[] { "sixteen question marks", "%3F".repeat(16) },
            new String[] { "character class", "%5Ba-z%5D%2A0000000000" },
            new String[] { "hash tag braces", "%7B000Na9B26EF00%7D" },
            new String[] { "CR/LF", "0000Na9B26EF%0D%0A06" },
            new String[] { "NUL", "0000Na9B26EF%0006E" },
            new String[] { "encoded ../", "..%2F..%2Fusers" },
            new String[] { "accented letter", "0000Na9B26EF00%C3%896" },
            new String[] { "full-width digits", "%EF%BC%90".repeat(16) },
            new String[] { "15 characters", "0000Na9B26EF006" },
            new String[] { "17 characters", "0000Na9B26EF006EX" },
            new String[] { "trailing space", "0000Na9B26EF006%20" });

    private static final List<String[]> MALFORMED_USER_IDS = List.of(
            new String[] { "glob star", "%2A" },
            new String[] { "glob in a 32-character id", "429a55994ef64991a77acb77c1cf904*" },
            new String[] { "upper-case hex", "429A55994EF64991A77ACB77C1CF9041" },
            new String[] { "31 hex digits", "429a55994ef64991a77acb77c1cf904" },
            new String[] { "33 hex digits", "429a55994ef64991a77acb77c1cf90410" },
            new String[] { "CR/LF", "429a55994ef64991a77acb77c1cf%0D%0A41" },
            new String[] { "encoded ../", "..%2F..%2Fme" },
            new String[] { "accented letter", "429a55994ef64991a77acb77c1cf90%C3%A9" },
            new String[] { "question marks", "%3F".repeat(32) });

    private static final String UNKNOWN_CHAT = "0000000000000000";
    private static final String UNKNOWN_USER = "0".repeat(32);
    private static final String MESSAGE = "{\"operationName\":\"SendMessage\",\"text\":\"hello\"}";

    BadInputIdTest() {
        super("ids");
    }

    /** Every endpoint with a chat id in its path, as the caller it belongs to. */
    private static List<Call> chatEndpoints(String id, String name) {
        return List.of(
                Call.get(name, AGENT, "/api/v2/me/chats/" + id),
                Call.get(name, AGENT, "/api/v2/me/chats/" + id + "/messages"),
                Call.post(name, AGENT, "/api/v2/me/chats/" + id, MESSAGE),
                Call.get(name, CUSTOMER, "/api/v2/chats/" + id),
                Call.get(name, CUSTOMER, "/api/v2/chats/" + id + "/messages"),
                Call.post(name, CUSTOMER, "/api/v2/chats/" + id, MESSAGE));
    }

    static Stream<Arguments> refusals() {
        List<Arguments> rows = new ArrayList<>();
        for (String[] id : MALFORMED_CHAT_IDS) {
            chatEndpoints(id[1], "malformed chat id: " + id[0]).forEach(call -> rows.add(Arguments.of(call, INVALID)));
        }
        chatEndpoints(UNKNOWN_CHAT, "unknown chat").forEach(call -> rows.add(Arguments.of(call, NOT_FOUND)));
        for (String[] id : MALFORMED_USER_IDS) {
            rows.add(Arguments.of(Call.get("malformed user id: " + id[0], AGENT, "/api/v2/users/" + id[1]), INVALID));
        }
        rows.add(Arguments.of(Call.get("unknown user", AGENT, "/api/v2/users/" + UNKNOWN_USER), NOT_FOUND));
        for (String paging : List.of("startIndex=abc", "startIndex=-1", "count=1.5",
                "count=99999999999", "count=%2A", "count=-5", "startIndex=%EF%BC%91")) {
            rows.add(Arguments.of(Call.get("paging " + paging, AGENT, "/api/v2/me/chats/{chat}/messages?" + paging),
                    INVALID));
            rows.add(Arguments.of(Call.get("paging " + paging, CUSTOMER, "/api/v2/chats/{chat}/messages?" + paging),
                    INVALID));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAndNothingChanged(Call call, int statusCode) {
        scene.assertRefusedUnchanged(call, () -> call.send(scene, null), statusCode);
    }
}
