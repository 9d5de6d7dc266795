package io.parley.api;

import static io.parley.api.Refusals.NOT_AUTHENTICATED;
import static io.parley.api.Refusals.assertRefused;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.Gws;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.RedisProbe;
import io.parley.support.ThrottledSignIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Failed password checks are counted per user name in Redis; after parley.auth.throttle.max-failures of them (three
 * here) no password of that name is checked until the count expires, the right one included, on Basic and on the
 * token endpoint alike; other names are unaffected. Credentials of that name verified within the last minute keep
 * working, so that a desktop already signed in is not locked out by someone guessing its password.
 */
@QuarkusTest
@TestProfile(ThrottledSignIns.class)
@ExtendWith(NoStackTraces.class)
class SignInThrottleTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @ConfigProperty(name = "parley.redis.key-prefix")
    String keyPrefix;

    @Test
    void aUserNameWithTooManyFailuresIsRefusedEvenWithTheRightPassword() {
        // created, never signed in: no sign-in of it was verified lately
        String userName = Parley.uniqueName("throttled");
        Parley.ok(Parley.as(Parley.adminToken()).body(Map.of("userName", userName, "password", "password-" + userName))
                .post("/api/v2/users"));
        Agent agent = new Agent(null, userName, null);
        Agent bystander = Parley.createAgent("bystander");
        for (int i = 0; i < ThrottledSignIns.MAX_FAILURES; i++) {
            Response wrong = Gws.basicRequest(agent.userName(), "wrong-" + i).get("/api/v2/me");
            assertRefused(wrong, NOT_AUTHENTICATED);
            assertTrue(!wrong.<String>path("statusMessage").startsWith("Too many"), wrong.asString());
        }

        Response basic = Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me");
        Response token = given().contentType(ContentType.JSON)
                .body(Map.of("username", agent.userName(), "password", password(agent))).post("/api/v2/auth/token");

        for (Response refused : List.of(basic, token)) {
            assertRefused(refused, NOT_AUTHENTICATED);
            assertTrue(refused.<String>path("statusMessage").startsWith("Too many failed sign-ins"),
                    refused.asString());
        }
        assertNotNull(basic.header("Retry-After"));
        assertEquals(List.of("$1", Integer.toString(ThrottledSignIns.MAX_FAILURES)),
                RedisProbe.command(redisHosts, "GET", keyPrefix + "signin-failures:" + agent.userName()),
                "the count is in Redis, where every instance reads it");
        // other user names are not affected
        Gws.basicRequest(bystander.userName(), password(bystander)).get("/api/v2/me").then().statusCode(200);
    }

    @Test
    void credentialsVerifiedInTheLastMinuteStillPassWhileTheirNameIsThrottled() {
        Agent agent = Parley.createAgent("signedin");
        Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me").then().statusCode(200);
        for (int i = 0; i < ThrottledSignIns.MAX_FAILURES; i++) {
            assertRefused(Gws.basicRequest(agent.userName(), "wrong-" + i).get("/api/v2/me"), NOT_AUTHENTICATED);
        }

        Gws.basicRequest(agent.userName(), password(agent)).get("/api/v2/me").then().statusCode(200);
        assertRefused(Gws.basicRequest(agent.userName(), "wrong-again").get("/api/v2/me"), NOT_AUTHENTICATED);
    }

    private static String password(Agent agent) {
        return "password-" + agent.userName();
    }
}
