package io.parley.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * How a GWS desktop authenticates (https://docs.genesys.com/Documentation/GWS/8.5.2/API/CSRFProtection): HTTP Basic
 * on its first request, then the {@code JSESSIONID} cookie that request's response set, with the CSRF token the
 * response announced ({@code X-CSRF-HEADER} names the header, {@code X-CSRF-TOKEN} carries the value) on every
 * request that changes state. No bearer token anywhere.
 */
public final class Gws {

    public static final String COOKIE = "JSESSIONID";

    /** A desktop's session: its cookie, and the header and value of its CSRF token. */
    public record Session(String cookie, String csrfHeader, String csrfToken) {
        /** A JSON request riding on the session, with its CSRF header. */
        public RequestSpecification request() {
            return given().contentType(ContentType.JSON).cookie(COOKIE, cookie).header(csrfHeader, csrfToken);
        }

        /** A JSON request riding on the session without the CSRF header. */
        public RequestSpecification withoutCsrf() {
            return given().contentType(ContentType.JSON).cookie(COOKIE, cookie);
        }
    }

    private Gws() {
    }

    public static String basic(String userName, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((userName + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON request with Basic credentials. */
    public static RequestSpecification basicRequest(String userName, String password) {
        return given().contentType(ContentType.JSON).header("Authorization", basic(userName, password));
    }

    /** Signs in as a desktop does: {@code GET /api/v2/me} with Basic, keeping the cookie and the CSRF token. */
    public static Session signIn(String userName, String password) {
        Response reply = basicRequest(userName, password).get("/api/v2/me");
        reply.then().statusCode(200);
        return sessionOf(reply);
    }

    /** The session a response opened or rode on. */
    public static Session sessionOf(Response reply) {
        String header = reply.header("X-CSRF-HEADER");
        assertEquals("X-CSRF-TOKEN", header, "the response names the CSRF header");
        String token = reply.header(header);
        assertNotNull(token, "the response carries the CSRF token");
        String cookie = reply.getCookie(COOKIE);
        assertNotNull(cookie, "the response sets the session cookie");
        return new Session(cookie, header, token);
    }
}
