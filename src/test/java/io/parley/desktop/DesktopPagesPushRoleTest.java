package io.parley.desktop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A push-only instance serves no page even where the pages are on: the pages call the API, which it does not take. */
@QuarkusTest
@TestProfile(DesktopPagesPushRoleTest.PushOnly.class)
class DesktopPagesPushRoleTest {

    public static class PushOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.role", "push", "parley.pages.enabled", "true");
        }
    }

    @Test
    void thePagesAreNotFound() {
        given().get("/desktop/agent.html").then().statusCode(404).body("statusCode", equalTo(6));
        given().get("/desktop/customer.html").then().statusCode(404).body("statusCode", equalTo(6));
    }
}
