package io.parley.api;

import static io.parley.support.Parley.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.CometdClient;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Text Parley accepts is stored and sent verbatim: every reader (SSE, the stock CometD client, the REST GETs of the
 * chat and its transcript, agent and customer) gets back exactly the string that was sent, with nothing normalised,
 * escaped away or replaced.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class TextVerbatimTest {

    /** A name: a combining diaeresis, Hebrew, and an emoji ZWJ sequence (woman + ZWJ + laptop). */
    static final String CUSTOMER_NICKNAME = "Zoe\u0308 \u05E9\u05E8\u05D4 \uD83D\uDC69\u200D\uD83D\uDCBB";
    /** A name: Arabic, and a ZWJ sequence with a skin tone modifier. */
    static final String AGENT_NICKNAME = "\u0623\u062D\u0645\u062F \uD83E\uDDD1\uD83C\uDFFD\u200D\uD83D\uDCBB";
    /** Hebrew in a right-to-left isolate, TAB, LF, CR LF, U+2028, a family ZWJ sequence, e + combining acute, RLM. */
    static final String CUSTOMER_TEXT = "Order \u2067\u05D4\u05D6\u05DE\u05E0\u05D4 42\u2069 is late\tstill\n"
            + "second line\r\nthird\u2028fourth \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 cafe\u0301\u200F!";
    /** Arabic, a left-to-right isolate, ALM, stacked combining marks, a plane-1 symbol, U+2029, LRM. */
    static final String AGENT_TEXT = "\u0645\u0631\u062D\u0628\u0627 \u2066Ann\u2069\u061C \u00E9\u0301\u0327 "
            + "\uD834\uDD1E\u2029\u200Eend";
    /** First-strong isolate, CJK, a flag, a keycap sequence, a variation selector. */
    static final String NOTICE = "\u2068\u4F60\u597D\u2069 \uD83C\uDDEB\uD83C\uDDF7 1\uFE0F\u20E3 \u2764\uFE0F";
    static final String USER_DATA_KEY = "\u05DE\u05E7\u05D5\u05E8 \uD83C\uDF10";
    static final String USER_DATA_VALUE = "line one\r\n\u2067\u05E9\u05DC\u05D5\u05DD\u2069\ttabbed \uD83E\uDD1D";

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void everyReaderGetsExactlyTheTextThatWasSent() {
        Agent agent = Parley.readyAgent("verbatim");
        try (SseClient agentSse = SseClient.connect(Parley.sseUrl(), agent.token(), null);
                CometdClient agentCometd = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING,
                        agent.token(), TokenIn.HEADER, false, "/v2/me/chats")) {
            Customer customer = start();
            String agentChat = "/api/v2/me/chats/" + customer.chatId();
            String customerChat = "/api/v2/chats/" + customer.chatId();
            // another chat still queued from earlier tests may reach this agent first: wait for this one
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> as(agent.token()).get(agentChat).statusCode() == 200);
            Parley.notReady(agent);
            Parley.operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", AGENT_NICKNAME));

            try (SseClient customerSse = SseClient.connect(Parley.sseUrl(), customer.token(), null);
                    CometdClient customerCometd = CometdClient.connect(Parley.sseUrl(), Transport.WEBSOCKET,
                            customer.token(), TokenIn.HANDSHAKE_EXT, false, "/v2/chats")) {
                Parley.customerOperate(customer, Map.of("operationName", "SendMessage", "text", CUSTOMER_TEXT));
                Parley.operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", AGENT_TEXT));
                Parley.operate(agent, customer.chatId(), Map.of("operationName", "SendCustomNotice", "noticeText",
                        NOTICE));
                Parley.operate(agent, customer.chatId(), Map.of("operationName", "AttachUserData", "userData",
                        Map.of(USER_DATA_KEY, USER_DATA_VALUE)));

                List<JsonObject> toAgent = until(agentSse, e -> "PropertiesUpdated".equals(
                        e.getString("notificationType")) && customer.chatId().equals(chatIdOf(e)));
                List<JsonObject> toCustomer = until(customerSse, e -> strings(e).contains(NOTICE));
                assertEquals(toAgent, next(agentCometd, toAgent.size()), "CometD carries what SSE carries");
                assertEquals(toCustomer, next(customerCometd, toCustomer.size()), "CometD carries what SSE carries");

                List<String> everything = List.of(CUSTOMER_NICKNAME, AGENT_NICKNAME, CUSTOMER_TEXT, AGENT_TEXT,
                        NOTICE, USER_DATA_KEY, USER_DATA_VALUE);
                List<String> transcript = List.of(CUSTOMER_NICKNAME, AGENT_NICKNAME, CUSTOMER_TEXT, AGENT_TEXT,
                        NOTICE);
                assertHolds("the agent's notifications", toAgent, everything);
                assertHolds("the customer's notifications", toCustomer, transcript);
                assertHolds("GET of the agent's chat", read(as(agent.token()).get(agentChat).asString()),
                        List.of(CUSTOMER_NICKNAME, AGENT_NICKNAME, USER_DATA_KEY, USER_DATA_VALUE));
                assertHolds("GET of the agent's transcript",
                        read(as(agent.token()).get(agentChat + "/messages").asString()), transcript);
                assertHolds("GET of the customer's chat", read(as(customer.token()).get(customerChat).asString()),
                        List.of(CUSTOMER_NICKNAME, AGENT_NICKNAME));
                assertHolds("GET of the customer's transcript",
                        read(as(customer.token()).get(customerChat + "/messages").asString()), transcript);
            } finally {
                Parley.customerOperate(customer, Map.of("operationName", "Leave"));
                Parley.operate(agent, customer.chatId(), Map.of("operationName", "Complete"));
            }
        }
    }

    private static Customer start() {
        var reply = Parley.ok(io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("nickname", CUSTOMER_NICKNAME, "subject", CUSTOMER_TEXT)).post("/api/v2/chats"));
        return new Customer(reply.path("chatId"), reply.path("participantId"), reply.path("token"));
    }

    /** The notifications up to and including the first that {@code last} picks. */
    private static List<JsonObject> until(SseClient stream, Predicate<JsonObject> last) {
        List<JsonObject> events = new ArrayList<>();
        JsonObject event;
        do {
            event = stream.next().json();
            events.add(event);
        } while (!last.test(event));
        return events;
    }

    private static List<JsonObject> next(CometdClient client, int count) {
        List<JsonObject> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(client.next().json());
        }
        return messages;
    }

    private static String chatIdOf(JsonObject notification) {
        JsonObject chat = notification.getJsonObject("chat");
        return chat == null ? null : chat.getString("id");
    }

    private static List<JsonObject> read(String body) {
        return List.of(new JsonObject(body));
    }

    /** {@code readings} hold each of {@code sent} as one whole string value, exactly. */
    private static void assertHolds(String reader, List<JsonObject> readings, List<String> sent) {
        List<String> seen = readings.stream().flatMap(reading -> strings(reading).stream()).toList();
        for (String text : sent) {
            assertTrue(seen.contains(text), reader + " lacks " + codePoints(text) + "; it holds "
                    + seen.stream().map(TextVerbatimTest::codePoints).collect(Collectors.joining(", ")));
        }
    }

    /** Every string in a JSON value, object keys included. */
    private static List<String> strings(Object json) {
        List<String> found = new ArrayList<>();
        switch (json) {
            case JsonObject object -> object.forEach(entry -> {
                found.add(entry.getKey());
                found.addAll(strings(entry.getValue()));
            });
            case JsonArray array -> array.forEach(item -> found.addAll(strings(item)));
            case Map<?, ?> map -> map.forEach((key, value) -> {
                found.add((String) key);
                found.addAll(strings(value));
            });
            case List<?> list -> list.forEach(item -> found.addAll(strings(item)));
            case String text -> found.add(text);
            case null, default -> {
            }
        }
        return found;
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(c -> c < 0x7F && c >= 0x20 ? Character.toString(c)
                : String.format("<U+%04X>", c)).collect(Collectors.joining());
    }
}
