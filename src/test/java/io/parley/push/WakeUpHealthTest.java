package io.parley.push;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.parley.store.Keys;
import io.parley.support.WakeUpConnection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A push instance is ready only while its wake-up subscription is live: once it is cut from outside, readiness is
 * DOWN (503) with the wake-up check saying so while liveness stays UP, and readiness is UP again once the instance
 * has subscribed again by itself.
 */
@QuarkusTest
class WakeUpHealthTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @Inject
    Keys keys;

    @Test
    void readinessIsDownWhileTheSubscriptionIsLostAndLivenessStaysUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> ready().statusCode == 200);
        assertEquals("UP", ready().check);
        live();

        WakeUpConnection.kill(redisHosts, keys.wakeChannel());

        // Wakeups pauses before subscribing again (100 ms at first, more after each loss): the DOWN is brief
        Readiness down = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(WakeUpHealthTest::ready, reply -> reply.statusCode == 503);
        assertEquals("DOWN", down.check, "the wake-up check is what is down");
        live();

        Readiness up = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(WakeUpHealthTest::ready, reply -> reply.statusCode == 200);
        assertEquals("UP", up.check);
        live();
        assertEquals(200, ready().statusCode, "and ready it stays");
    }

    @Test
    void theReadinessReportNamesTheWakeUpCheck() {
        await().atMost(Duration.ofSeconds(10)).until(() -> ready().statusCode == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(WakeUpReadiness.NAME));
    }

    private record Readiness(int statusCode, String check) {
    }

    private static Readiness ready() {
        var reply = given().get("/q/health/ready");
        JsonPath body = reply.jsonPath();
        Map<String, Object> check = body.getMap("checks.find { it.name == '" + WakeUpReadiness.NAME + "' }");
        return new Readiness(reply.statusCode(), check == null ? null : String.valueOf(check.get("status")));
    }

    private static void live() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
