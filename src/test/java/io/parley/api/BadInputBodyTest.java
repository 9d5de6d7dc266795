package io.parley.api;

import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.assertRefused;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Bodies that are not a JSON object, on every endpoint that takes one: statusCode 10, nothing changed. */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputBodyTest extends SceneTest {

    record Endpoint(String name, Function<ChatScene, String> token, Function<ChatScene, String> path) {
        RequestSpecification caller(ChatScene scene) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            String bearer = token.apply(scene);
            return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Body(String name, byte[] bytes) {
        static Body of(String name, String text) {
            return new Body(name, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    BadInputBodyTest() {
        super("bodies");
    }

    static Stream<Arguments> malformedBodies() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Body body : bodies()) {
                rows.add(Arguments.of(endpoint, body));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedBodies")
    void aBodyThatIsNotOneJsonObjectIsRefused(Endpoint endpoint, Body body) {
        String before = scene.state();

        var reply = endpoint.caller(scene).body(body.bytes()).post(endpoint.path().apply(scene));

        assertRefused(endpoint + ": " + body, reply, INVALID);
        assertEquals(before, scene.state(), "nothing changed");
        scene.assertQuiet();
    }

    /** Form bodies are not JSON either, whatever reads them first. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formBodies")
    void aFormBodyIsRefused(Endpoint endpoint, String contentType, Object form) {
        String before = scene.state();

        RequestSpecification request = endpoint.caller(scene).contentType(contentType);
        // RestAssured sends a String form as is, and multipart only as raw bytes
        var reply = (form instanceof byte[] bytes ? request.body(bytes) : request.body((String) form))
                .post(endpoint.path().apply(scene));

        assertRefused(endpoint + ": " + contentType, reply, INVALID);
        assertEquals(before, scene.state(), "nothing changed");
    }

    static Stream<Arguments> formBodies() {
        String multipart = "--fence\r\nContent-Disposition: form-data; name=\"operationName\"\r\n\r\nReady\r\n"
                + "--fence--\r\n";
        return endpoints().stream().flatMap(endpoint -> Stream.of(
                Arguments.of(endpoint, "application/x-www-form-urlencoded", "operationName=Ready&nickname=Ann"),
                Arguments.of(endpoint, "multipart/form-data; boundary=fence",
                        multipart.getBytes(StandardCharsets.UTF_8))));
    }

    /** The watch that every test here relies on sees what the server logs with a stack trace. */
    @Test
    void theStackTraceWatchSeesTheServerLog() {
        Logger.getLogger(NoStackTraces.class)
                .error("Expected: a probe of the stack trace watch", new IllegalStateException("probe"));

        var recorded = NoStackTraces.takeRecorded();
        assertEquals(1, recorded.size(), recorded.toString());
        assertEquals("probe", recorded.get(0).getThrown().getMessage());
    }

    /** Beyond the HTTP layer's own limit the server answers before the body has arrived, still in GWS terms. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aBodyAnnouncedAtTwoMegabytesIsRefusedUnread(Endpoint endpoint) {
        String before = scene.state();

        RawHttp.Reply reply = RawHttp.announce(endpoint.path().apply(scene), endpoint.token().apply(scene), 2_000_000, 4096);

        assertRefused(endpoint, reply.status(), reply.contentType(), reply.body(), INVALID);
        assertEquals(before, scene.state(), "nothing changed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aChunkedBodyOfTwoMegabytesIsRefused(Endpoint endpoint) {
        String before = scene.state();

        RawHttp.Reply reply = RawHttp.chunked(endpoint.path().apply(scene), endpoint.token().apply(scene), 2_000_000);

        assertRefused(endpoint, reply.status(), reply.contentType(), reply.body(), INVALID);
        assertEquals(before, scene.state(), "nothing changed");
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /api/v2/auth/token", s -> null, s -> "/api/v2/auth/token"),
                new Endpoint("POST /api/v2/users", s -> s.adminToken, s -> "/api/v2/users"),
                new Endpoint("POST /api/v2/me", s -> s.agent.token(), s -> "/api/v2/me"),
                new Endpoint("POST /api/v2/me/channels/chat", s -> s.agent.token(), s -> "/api/v2/me/channels/chat"),
                new Endpoint("POST /api/v2/me/chats/{id}", s -> s.agent.token(), ChatScene::agentChat),
                new Endpoint("POST /api/v2/chats", s -> null, s -> "/api/v2/chats"),
                new Endpoint("POST /api/v2/chats/{id}", s -> s.customer.token(), ChatScene::customerChat));
    }

    private static List<Body> bodies() {
        return List.of(
                Body.of("empty", ""),
                Body.of("only whitespace", " \r\n\t "),
                Body.of("unclosed object", "{"),
                Body.of("value missing", "{\"operationName\":"),
                Body.of("single quotes", "{'operationName':'Ready'}"),
                Body.of("unquoted name", "{operationName:\"Ready\"}"),
                Body.of("trailing comma", "{\"operationName\":\"Ready\",}"),
                Body.of("comment", "/* hello */ {}"),
                Body.of("NaN", "{\"operationName\":NaN}"),
                Body.of("garbage after the object", "{} garbage"),
                Body.of("two objects", "{}{}"),
                Body.of("array", "[]"),
                Body.of("array holding an object", "[{\"operationName\":\"Ready\"}]"),
                Body.of("string", "\"Ready\""),
                Body.of("number", "42"),
                Body.of("null", "null"),
                Body.of("boolean", "true"),
                new Body("invalid UTF-8", new byte[] { '{', '"', (byte) 0xC3, '(', '"', ':', (byte) 0xFF, '}' }),
                Body.of("arrays nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)),
                Body.of("objects nested 3000 deep", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
                Body.of("70 KB body", "{\"pad\":\"" + "x".repeat(70_000) + "\"}"));
    }
}
