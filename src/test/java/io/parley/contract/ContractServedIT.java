package io.parley.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.parley.support.PackagedApp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * The packaged application in its prod profile (the jar, or the native executable of a -Dnative build): it serves
 * the same contract, and keeps Swagger UI off unless an operator switches it on.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedApp.class, restrictToAnnotatedClass = true)
class ContractServedIT {

    @Test
    void theContractIsServedAsWritten() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertEquals(Contract.read(), new JsonObject(served));
    }

    @Test
    void theContractFilterJudgesThePackagedAppToo() {
        assertTrue(RestAssured.filters().stream().anyMatch(ContractFilter.class::isInstance), RestAssured.filters().toString());
    }

    @Test
    void swaggerUiIsOffInProduction() {
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(404);
    }
}
