package io.parley.auth;

import io.quarkus.security.AuthenticationException;

/** A state-changing request rode on a session cookie without the session's CSRF token. */
public class CsrfRefused extends SecurityException implements AuthenticationException {

    public CsrfRefused() {
        super("Missing or invalid CSRF token: send the " + SessionCookie.CSRF_TOKEN
                + " header with the value this session's responses carry");
    }
}
