package io.parley.api;

import io.parley.chat.StatusCode;

/**
 * A request Parley refuses, with the GWS statusCode and a message for the client. Expected, so it carries no stack
 * trace and is never logged as an error.
 */
public class ApiException extends RuntimeException {

    private final StatusCode statusCode;

    public ApiException(StatusCode statusCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
    }

    public StatusCode statusCode() {
        return statusCode;
    }
}
