package io.parley.auth;

import io.quarkus.security.AuthenticationException;

/** Too many failed password checks for one user name lately: no password of that name is checked for now. */
public class Throttled extends SecurityException implements AuthenticationException {

    private final long retryAfterSeconds;

    public Throttled(long retryAfterSeconds) {
        super("Too many failed sign-ins for this user name; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
