package io.parley.api;

import static io.parley.api.Bodies.json;
import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.ADMIN;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.CUSTOMER;
import static io.parley.api.Refusals.NOT_AUTHENTICATED;
import static io.parley.api.Refusals.assertRefused;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

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
 * Every endpoint that needs a token, with no token or a bad one: statusCode 20 / HTTP 401 and nothing changed.
 * Each bad token carries the claims of the caller the endpoint is meant for, so that only its defect is tested.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputTokenTest extends SceneTest {

    /** The Authorization header to send, made from the good token of the caller the endpoint is meant for. */
    record Presented(String name, UnaryOperator<String> authorization) {
        @Override
        public String toString() {
            return name;
        }
    }

    BadInputTokenTest() {
        super("tokens");
    }

    /** Each protected endpoint with a request that would change something, were it accepted. */
    static List<Call> protectedEndpoints() {
        return List.of(
                Call.get("list users", AGENT, "/api/v2/users"),
                Call.post("create a user", ADMIN, "/api/v2/users", json("userName", "intruder", "password", "password-1")),
                Call.get("read a user", AGENT, "/api/v2/users/{agent}"),
                Call.put("change a user", ADMIN, "/api/v2/users/{agent}", json("firstName", "Intruder")),
                Call.get("read me", AGENT, "/api/v2/me"),
                Call.post("start a session", AGENT, "/api/v2/me", op("StartContactCenterSession")),
                Call.post("become ready", AGENT, "/api/v2/me/channels/chat", op("Ready")),
                Call.get("list my chats", AGENT, "/api/v2/me/chats"),
                Call.get("read my chat", AGENT, "/api/v2/me/chats/{chat}"),
                Call.get("read my transcript", AGENT, "/api/v2/me/chats/{chat}/messages"),
                Call.post("send as agent", AGENT, "/api/v2/me/chats/{chat}", op("SendMessage", "text", "forged")),
                Call.get("read the chat", CUSTOMER, "/api/v2/chats/{chat}"),
                Call.get("read the transcript", CUSTOMER, "/api/v2/chats/{chat}/messages"),
                Call.post("send as customer", CUSTOMER, "/api/v2/chats/{chat}", op("SendMessage", "text", "forged")));
    }

    static List<Presented> badTokens() {
        return List.of(
                new Presented("no Authorization header", good -> null),
                new Presented("garbage token", good -> "Bearer not-a-jwt"),
                new Presented("empty bearer", good -> "Bearer "),
                new Presented("Basic scheme", good -> "Basic YWRtaW46YWRtaW4="),
                new Presented("the good token without its scheme", good -> good),
                new Presented("expired token", good -> "Bearer " + Tokens.expired(good)),
                new Presented("unsigned token (alg none)", good -> "Bearer " + Tokens.unsigned(good)),
                new Presented("token signed by a foreign key", good -> "Bearer " + Tokens.foreignSigned(good)),
                new Presented("token of another issuer", good -> "Bearer " + Tokens.otherIssuer(good)),
                new Presented("payload changed after signing", good -> "Bearer " + Tokens.tampered(good)));
    }

    static Stream<Arguments> unauthenticated() {
        List<Arguments> rows = new ArrayList<>();
        for (Call endpoint : protectedEndpoints()) {
            for (Presented token : badTokens()) {
                rows.add(Arguments.of(endpoint, token));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("unauthenticated")
    void aMissingOrBadTokenIsNotAuthenticated(Call endpoint, Presented token) {
        String before = scene.state();

        Response reply = send(endpoint, token);

        assertRefused(endpoint + " with " + token, reply, NOT_AUTHENTICATED);
        assertEquals(before, scene.state(), "nothing changed");
        scene.assertQuiet();
    }

    static Stream<Call> readingEndpoints() {
        return protectedEndpoints().stream().filter(call -> call.method().equals("GET"));
    }

    /** The control: the same claims, properly signed, are accepted, so each refusal above is for its one defect. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("readingEndpoints")
    void theSameClaimsProperlySignedAreAccepted(Call endpoint) {
        Response reply = send(endpoint, new Presented("re-signed", good -> "Bearer " + Tokens.resigned(good)));

        assertEquals(200, reply.statusCode(), reply.asString());
    }

    /** Sends the endpoint's request as its own caller would, but with the token presented as {@code token} says. */
    private Response send(Call endpoint, Presented token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        String authorization = token.authorization().apply(scene.token(endpoint.caller()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String path = endpoint.path().replace("{chat}", scene.chatId()).replace("{agent}", scene.agent.id());
        if (endpoint.body() != null) {
            request.body(endpoint.body().replace("intruder", Parley.uniqueName("intruder")));
        }
        return request.request(endpoint.method(), path);
    }
}
