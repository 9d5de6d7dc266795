package io.parley.chat;

/** The GWS statusCode values a reply carries (0 is success). */
public enum StatusCode {
    SUCCESS(0),
    MISSING_PARAMETER(1),
    INVALID_STATE(2),
    FORBIDDEN(3),
    INTERNAL_ERROR(4),
    NO_PERMISSION(5),
    NOT_FOUND(6),
    /** Some of what was asked was done: StartContactCenterSession naming channels Parley does not serve. */
    PARTIAL_SUCCESS(7),
    INVALID_INPUT(10),
    ALREADY_EXISTS(18),
    NOT_AUTHENTICATED(20);

    public final int code;

    StatusCode(int code) {
        this.code = code;
    }
}
