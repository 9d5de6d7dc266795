package io.parley.api;

import static io.parley.api.Refusals.NOT_AUTHENTICATED;
import static io.parley.api.Refusals.assertRefused;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cometd.bayeux.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.CometdClient;
import io.parley.support.Gws;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.RedisProbe;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * GWS clients' authentication (https://docs.genesys.com/Documentation/GWS/8.5.2/API/CSRFProtection): HTTP Basic on
 * every endpoint that takes a bearer token, the JSESSIONID session cookie its first response sets, the CSRF token
 * that cookie-authenticated requests which change state must carry, and the ends of a session.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class GwsAuthTest {

    private static final String START = "StartContactCenterSession";
    private static final String CSRF_REFUSED = "403::Missing or invalid CSRF token";

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @ConfigProperty(name = "parley.redis.key-prefix")
    String keyPrefix;

    @Test
    void basicIsAcceptedAndItsFirstResponseOpensASessionKeptInRedis() {
        Agent agent = Parley.createAgent("basic");

        Response reply = Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me");

        reply.then().statusCode(200).body("statusCode", equalTo(0)).body("user.id", equalTo(agent.id()));
        String setCookie = reply.header("Set-Cookie");
        assertNotNull(setCookie, "the first authenticated response sets the session cookie");
        assertTrue(setCookie.matches("JSESSIONID=[0-9a-f]{32}; Path=/; (?i:HttpOnly); SameSite=Strict"), setCookie);
        Gws.Session session = Gws.sessionOf(reply);
        assertTrue(session.csrfToken().matches("[0-9a-f]{32}"), session.csrfToken());
        List<String> ttl = RedisProbe.command(redisHosts, "PTTL", keyPrefix + "session:" + session.cookie());
        long millis = Long.parseLong(ttl.get(0).substring(1));
        assertTrue(millis > 0 && millis <= 30 * 60_000, "the session sits in Redis with its idle expiry: " + ttl);
    }

    @Test
    void aBasicRequestCarryingItsUsersCookieRidesOnThatSession() {
        Agent agent = Parley.createAgent("rider");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));

        Response again = Gws.basicRequest(agent.userName(), password(agent)).cookie(Gws.COOKIE, session.cookie())
                .get("/api/v2/me");

        again.then().statusCode(200);
        assertEquals(null, again.header("Set-Cookie"), "no second session");
        assertEquals(session.csrfToken(), again.header("X-CSRF-TOKEN"));
    }

    @Test
    void theCookieAloneAuthenticatesReadsAndAnnouncesTheToken() {
        Agent agent = Parley.createAgent("cookie");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));

        Response me = session.withoutCsrf().get("/api/v2/me");

        me.then().statusCode(200).body("user.id", equalTo(agent.id()));
        assertEquals("X-CSRF-TOKEN", me.header("X-CSRF-HEADER"));
        assertEquals(session.csrfToken(), me.header("X-CSRF-TOKEN"));
    }

    @Test
    void aCookieAuthenticatedChangeWithoutTheRightCsrfTokenIsRefusedAndChangesNothing() {
        Agent agent = Parley.createAgent("csrf");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));

        Response missing = session.withoutCsrf().body(Map.of("operationName", START)).post("/api/v2/me");
        Response wrong = session.withoutCsrf().header("X-CSRF-TOKEN", "0".repeat(32))
                .body(Map.of("operationName", START)).post("/api/v2/me");

        for (Response refused : List.of(missing, wrong)) {
            refused.then().statusCode(403).body("statusCode", equalTo(3));
            assertTrue(refused.<String>path("statusMessage").contains("CSRF"), refused.asString());
        }
        session.request().get("/api/v2/me").then().body("user.channels[0].userState.state", equalTo("LoggedOut"));

        Parley.ok(session.request().body(Map.of("operationName", START)).post("/api/v2/me"));
        session.request().get("/api/v2/me").then().body("user.channels[0].userState.state", equalTo("NotReady"));
        Parley.ok(session.request().body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));
    }

    @Test
    void basicAndBearerRequestsNeedNoCsrfToken() {
        Agent agent = Parley.createAgent("nocsrf");

        Parley.ok(Gws.basicRequest(agent.userName(), password(agent)).body(Map.of("operationName", START))
                .post("/api/v2/me"));
        Parley.ok(Parley.as(agent.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        Parley.ok(Parley.as(agent.token()).body(Map.of("operationName", "EndContactCenterSession"))
                .post("/api/v2/me"));
    }

    @Test
    void aWrongPasswordIsRefusedRightAfterTheRightOneWasAccepted() {
        Agent agent = Parley.createAgent("remembered");
        Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me").then().statusCode(200);

        Response wrong = Gws.basicRequest(agent.userName(), password(agent) + "x").get("/api/v2/me");
        Response prefix = Gws.basicRequest(agent.userName(), password(agent).substring(1)).get("/api/v2/me");

        assertRefused(wrong, NOT_AUTHENTICATED);
        assertRefused(prefix, NOT_AUTHENTICATED);
        assertEquals(null, wrong.header("Set-Cookie"));
        Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me").then().statusCode(200);
    }

    @Test
    void malformedBasicCredentialsAreRefused() {
        for (String header : List.of("Basic", "Basic !!!", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("no-colon".getBytes()), "Basic " + java.util.Base64.getEncoder()
                .encodeToString(":password".getBytes()))) {
            Response reply = io.restassured.RestAssured.given().header("Authorization", header).get("/api/v2/me");
            assertRefused(header, reply, NOT_AUTHENTICATED);
        }
    }

    @Test
    void signingOutEndsTheSessionEverywhere() {
        Agent agent = Parley.createAgent("signout");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));

        assertRefused(session.withoutCsrf().post("/api/v2/signout"), 3);
        Response out = Parley.ok(session.request().post("/api/v2/signout"));

        assertTrue(out.header("Set-Cookie").startsWith("JSESSIONID=; Max-Age=0"), out.header("Set-Cookie"));
        assertRefused(session.request().get("/api/v2/me"), NOT_AUTHENTICATED);
        assertEquals(List.of(":0"), RedisProbe.command(redisHosts, "EXISTS", keyPrefix + "session:" + session.cookie()));
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), Map.of("Cookie", "JSESSIONID=" + session.cookie()))) {
            assertEquals(401, stream.status());
        }
        try (CometdClient cometd = CometdClient.create(Parley.sseUrl(), CometdClient.Transport.LONG_POLLING,
                Map.of("X-CSRF-TOKEN", session.csrfToken()), Map.of(Gws.COOKIE, session.cookie()), false)) {
            Message refused = cometd.handshake();
            assertFalse(refused.isSuccessful());
            assertEquals("401::Authentication failed", refused.get("error"));
        }
    }

    @Test
    void endContactCenterSessionEndsTheSession() {
        Agent agent = Parley.createAgent("endsession");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));
        Parley.ok(session.request().body(Map.of("operationName", START)).post("/api/v2/me"));

        Parley.ok(session.request().body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));

        assertRefused(session.request().get("/api/v2/me"), NOT_AUTHENTICATED);
        Gws.Session again = Gws.signIn(agent.userName(), password(agent));
        assertFalse(again.cookie().equals(session.cookie()), "signing in again opens a new session");
        again.request().get("/api/v2/me").then().body("user.channels[0].userState.state", equalTo("LoggedOut"));
    }

    @Test
    void notificationStreamsAcceptBasicAndTheCookie() {
        Agent agent = Parley.createAgent("ssebasic");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));

        try (SseClient basic = SseClient.connect(Parley.sseUrl(),
                Map.of("Authorization", Gws.basic(agent.userName(), password(agent))));
                SseClient cookie = SseClient.connect(Parley.sseUrl(), Map.of("Cookie", "JSESSIONID=" + session.cookie()));
                SseClient wrong = SseClient.connect(Parley.sseUrl(),
                        Map.of("Authorization", Gws.basic(agent.userName(), "wrong")))) {
            assertEquals(200, basic.status());
            assertEquals(200, cookie.status());
            assertEquals(401, wrong.status());
        }
    }

    @Test
    void theCometdHandshakeAuthenticatesWithBasicOrTheCookieAndItsCsrfHeader() {
        Agent agent = Parley.createAgent("cometdauth");
        Gws.Session session = Gws.signIn(agent.userName(), password(agent));
        String url = Parley.sseUrl();

        try (CometdClient basic = CometdClient.create(url, CometdClient.Transport.LONG_POLLING,
                Map.of("Authorization", Gws.basic(agent.userName(), password(agent))), Map.of(), false);
                CometdClient cookie = CometdClient.create(url, CometdClient.Transport.LONG_POLLING,
                        Map.of("X-CSRF-TOKEN", session.csrfToken()), Map.of(Gws.COOKIE, session.cookie()), false);
                CometdClient socket = CometdClient.create(url, CometdClient.Transport.WEBSOCKET,
                        Map.of("X-CSRF-TOKEN", session.csrfToken()), Map.of(Gws.COOKIE, session.cookie()), false);
                CometdClient noCsrf = CometdClient.create(url, CometdClient.Transport.LONG_POLLING, Map.of(),
                        Map.of(Gws.COOKIE, session.cookie()), false);
                CometdClient wrong = CometdClient.create(url, CometdClient.Transport.LONG_POLLING,
                        Map.of("Authorization", Gws.basic(agent.userName(), "wrong")), Map.of(), false)) {
            assertTrue(basic.handshake().isSuccessful());
            assertTrue(basic.subscribe("/v2/me/chats").isSuccessful());
            assertTrue(cookie.handshake().isSuccessful());
            assertTrue(cookie.subscribe("/v2/me/chats").isSuccessful());
            assertTrue(socket.handshake().isSuccessful());
            Message refused = noCsrf.handshake();
            assertFalse(refused.isSuccessful());
            assertEquals(CSRF_REFUSED, refused.get("error"));
            Message unauthenticated = wrong.handshake();
            assertFalse(unauthenticated.isSuccessful());
            assertEquals("401::Authentication failed", unauthenticated.get("error"));
        }
    }

    private static String password(Agent agent) {
        return "password-" + agent.userName();
    }
}
