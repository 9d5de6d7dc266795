package io.parley.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/** The contract the tests judge by is the one the service publishes, and the judge sits in front of this test too. */
@QuarkusTest
class ContractServedTest {

    @Test
    void slashQOpenapiServesTheContractAsWritten() {
        String served = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonObject document = new JsonObject(served);
        assertEquals("3.1.0", document.getString("openapi"));
        assertEquals(Contract.read(), document);
    }

    @Test
    void swaggerUiIsOnInTest() {
        given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyRestAssuredCallOfAQuarkusTestPassesTheContractFilter() {
        assertTrue(RestAssured.filters().stream().anyMatch(ContractFilter.class::isInstance), RestAssured.filters().toString());
    }
}
