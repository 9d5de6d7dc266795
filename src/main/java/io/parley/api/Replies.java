package io.parley.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.parley.chat.StatusCode;

/** Reply bodies and the HTTP status Parley pairs with each statusCode (docs/api.md §1). */
public final class Replies {

    /** A reply body that says how the request went: operations are counted by its statusCode. */
    public interface Coded {
        int statusCode();
    }

    /** A failure: every reply body has a statusCode, failures add a statusMessage. */
    public record Failure(int statusCode, String statusMessage) implements Coded {
    }

    /** The reply to a state-changing chat operation. */
    public record Accepted(int statusCode, long referenceId) implements Coded {
    }

    /** A success with nothing more to say. */
    public record Done(int statusCode) implements Coded {
    }

    /** The message of a request without valid credentials, whichever form it tried. */
    public static final String CREDENTIALS_REQUIRED =
            "Valid credentials are required: HTTP Basic, a bearer token, or a session cookie";

    private Replies() {
    }

    public static int httpStatus(StatusCode statusCode) {
        return switch (statusCode) {
            case SUCCESS, PARTIAL_SUCCESS -> 200;
            case MISSING_PARAMETER, INVALID_INPUT -> 400;
            case INVALID_STATE, ALREADY_EXISTS -> 409;
            case FORBIDDEN, NO_PERMISSION -> 403;
            case INTERNAL_ERROR -> 503;
            case NOT_FOUND -> 404;
            case NOT_AUTHENTICATED -> 401;
        };
    }

    public static Response failure(StatusCode statusCode, String message) {
        return Response.status(httpStatus(statusCode))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Failure(statusCode.code, message))
                .build();
    }

    public static Done done() {
        return new Done(StatusCode.SUCCESS.code);
    }
}
