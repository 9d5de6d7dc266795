package io.parley.push;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.support.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A push-only instance refuses the API, but not its operators: metrics and health answer there, with the push
 * role's own families and its wake-up check.
 */
@QuarkusTest
@TestProfile(PushRoleOperatorEndpointsTest.PushOnly.class)
class PushRoleOperatorEndpointsTest {

    public static class PushOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.role", "push");
        }
    }

    @Test
    void metricsAndHealthAnswerWhereTheApiIsRefused() {
        given().get("/api/v2/me").then().statusCode(404);

        await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.now().value("parley_wakeup_subscribed") == 1);
        Scrape scrape = Scrape.now();
        assertEquals(1, scrape.value("parley_wakeup_subscribed", "role", "push"));
        assertTrue(scrape.has("parley_sse_streams") && scrape.has("parley_cometd_sessions"));

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(WakeUpReadiness.NAME));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
