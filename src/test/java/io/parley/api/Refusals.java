package io.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What every refusal must look like (docs/api.md §1): the paired HTTP status, statusCode, a readable statusMessage. */
final class Refusals {

    static final int MISSING = 1;
    static final int WRONG_STATE = 2;
    static final int NO_PERMISSION = 5;
    static final int NOT_FOUND = 6;
    static final int INVALID = 10;
    static final int EXISTS = 18;
    static final int NOT_AUTHENTICATED = 20;

    /** The docs/api.md §1 table, written out here so that the app's own mapping is what gets checked. */
    private static final Map<Integer, Integer> HTTP = Map.of(1, 400, 2, 409, 3, 403, 4, 503, 5, 403, 6, 404, 10, 400,
            18, 409, 20, 401);

    private Refusals() {
    }

    static int httpStatus(int statusCode) {
        return HTTP.get(statusCode);
    }

    static void assertRefused(Response reply, int statusCode) {
        assertRefused("", reply, statusCode);
    }

    /** @param context names the request in the failure message, as parameterized runs are reported by number */
    static void assertRefused(Object context, Response reply, int statusCode) {
        assertRefused(context, reply.statusCode(), reply.contentType(), reply.asString(), statusCode);
    }

    static void assertRefused(Object context, int status, String contentType, String body, int statusCode) {
        String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
        String seen = context + " -> HTTP " + status + " " + shown;
        assertEquals(httpStatus(statusCode), status, seen);
        assertTrue(contentType != null && contentType.startsWith("application/json"), "JSON reply: " + seen);
        JsonPath json = JsonPath.from(body);
        assertEquals(Integer.valueOf(statusCode), json.get("statusCode"), seen);
        String message = json.getString("statusMessage");
        assertTrue(message != null && !message.isBlank(), "a statusMessage: " + seen);
        // nothing leaked: no forged lines from echoed input, no internals
        assertFalse(message.chars().anyMatch(Character::isISOControl), "control characters in " + seen);
        assertFalse(message.contains("Exception") || message.contains("\tat "), "internals in " + seen);
        assertNull(json.get("referenceId"), "a refusal has no referenceId: " + seen);
    }
}
