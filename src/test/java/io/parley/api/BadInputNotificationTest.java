package io.parley.api;

import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.NOT_AUTHENTICATED;
import static io.parley.api.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The push endpoint {@code GET /api/v2/notifications}: a bad token, in the header or in {@code access_token}, gets
 * statusCode 20 before any stream opens; a malformed resume id gets 10.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputNotificationTest extends SceneTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    BadInputNotificationTest() {
        super("push");
    }

    /** A bad token made from a good one, each with its one defect. */
    static Stream<Arguments> badTokens() {
        List<Object[]> kinds = List.<Object[]> of(
                new Object[] { "garbage", (UnaryOperator<String>) good -> "not-a-jwt" },
                new Object[] { "expired", (UnaryOperator<String>) Tokens::expired },
                new Object[] { "unsigned (alg none)", (UnaryOperator<String>) Tokens::unsigned },
                new Object[] { "signed by a foreign key", (UnaryOperator<String>) Tokens::foreignSigned },
                new Object[] { "of another issuer", (UnaryOperator<String>) Tokens::otherIssuer },
                new Object[] { "changed after signing", (UnaryOperator<String>) Tokens::tampered });
        return Stream.of("agent", "customer").flatMap(whose -> kinds.stream()
                .flatMap(kind -> Stream.of("header", "access_token")
                        .map(where -> Arguments.of(whose + " token " + kind[0] + " in " + where, whose, kind[1],
                                where))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    @SuppressWarnings("unchecked")
    void aBadTokenOpensNoStream(String name, String whose, Object spoil, String where) throws Exception {
        String token = ((UnaryOperator<String>) spoil).apply(whose.equals("agent") ? scene.agent.token()
                : scene.customer.token());

        HttpResponse<String> reply = where.equals("header") ? get("", "Bearer " + token) : get("?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), null);

        assertRefused(name, reply.statusCode(), reply.headers().firstValue("content-type").orElse(null), reply.body(),
                NOT_AUTHENTICATED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Token abc" })
    void aMissingBearerTokenOpensNoStream(String authorization) throws Exception {
        HttpResponse<String> reply = get("", authorization.isEmpty() ? null : authorization);

        assertRefused("Authorization: " + authorization, reply.statusCode(),
                reply.headers().firstValue("content-type").orElse(null), reply.body(), NOT_AUTHENTICATED);
    }

    @Test
    void anEmptyAccessTokenOpensNoStream() throws Exception {
        HttpResponse<String> reply = get("?access_token=", null);

        assertRefused("?access_token=", reply.statusCode(), reply.headers().firstValue("content-type").orElse(null),
                reply.body(), NOT_AUTHENTICATED);
    }

    @ParameterizedTest(name = "lastEventId={0}")
    @ValueSource(strings = { "abc", "1-", "-1", "1-1-1", "12345", "99999999999999999999-0", "%2A", "1-%2A",
            "0-0%0D%0Aevent:%20forged", "%EF%BC%91-0", "0-0%20" })
    void aMalformedResumeIdOpensNoStream(String lastEventId) throws Exception {
        HttpResponse<String> reply = get("?lastEventId=" + lastEventId, "Bearer " + scene.agent.token());

        assertRefused(lastEventId, reply.statusCode(), reply.headers().firstValue("content-type").orElse(null),
                reply.body(), INVALID);
    }

    /** The controls: the same claims properly signed open a stream, in the header and in access_token. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "header", "access_token" })
    void theSameClaimsProperlySignedOpenAStream(String where) throws Exception {
        String token = Tokens.resigned(scene.agent.token());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Parley.sseUrl()
                + (where.equals("header") ? "" : "?access_token=" + token))).header("Accept", "text/event-stream");
        if (where.equals("header")) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream stream = reply.body()) {
            assertEquals(200, reply.statusCode());
            assertEquals("text/event-stream; charset=utf-8", reply.headers().firstValue("content-type").orElse(""));
        }
    }

    /** A refused stream is answered at once; one that opened instead would make this time out. */
    private static HttpResponse<String> get(String query, String authorization) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Parley.sseUrl() + query))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
