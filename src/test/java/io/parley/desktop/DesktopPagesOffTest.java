package io.parley.desktop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With parley.pages.enabled off, as in prod, no desktop page or file is served; the API is unchanged. */
@QuarkusTest
@TestProfile(DesktopPagesOffTest.PagesOff.class)
class DesktopPagesOffTest {

    public static class PagesOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.pages.enabled", "false");
        }
    }

    @Test
    void everyPathOfThePagesIsNotFound() {
        for (String path : List.of("/desktop", "/desktop/", "/desktop/agent.html", "/desktop/customer.html",
                "/desktop/agent.js", "/desktop/desktop.css", "/desktop/none.html")) {
            given().get(path).then().statusCode(404)
                    .body("statusCode", equalTo(6))
                    .body("statusMessage", equalTo("The desktop pages are not served here (parley.pages.enabled)"));
        }
    }

    @Test
    void theApiStillAnswers() {
        given().get("/api/v2/ping").then().statusCode(200);
        given().get("/desktopper").then().statusCode(404);
    }
}
