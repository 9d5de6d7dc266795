package io.parley.desktop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Dev and test serve the desktop pages (parley.pages.enabled), with the scripts and style they load. */
@QuarkusTest
class DesktopPagesTest {

    @Test
    void theAgentDesktopAndItsFilesAreServed() {
        given().get("/desktop/agent.html").then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("<title>Parley agent desktop</title>"));
        given().get("/desktop/agent.js").then().statusCode(200).body(containsString("new EventSource("));
        given().get("/desktop/parley.js").then().statusCode(200).body(containsString("class Transcript"));
        given().get("/desktop/desktop.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void theCustomerWidgetIsServed() {
        given().get("/desktop/customer.html").then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("<title>Chat with us</title>"));
        given().get("/desktop/customer.js").then().statusCode(200).body(containsString("access_token="));
    }
}
