package io.parley.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Ends the session a request rode on (or opened), for the sign-out endpoint and EndContactCenterSession, which GWS
 * says invalidates the HTTP session too (https://docs.genesys.com/Documentation/HTCC/8.5.2/API/EndContactCenterSession).
 * Its cookie is then refused by every instance; the browser is told to drop it. A request authenticated by a bearer
 * token has no session, and nothing to end: the token lives until it expires.
 */
@ApplicationScoped
public class SignOut {

    private final Sessions sessions;
    private final SessionCookie cookie;

    SignOut(Sessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** Blocking: on a virtual thread. */
    public void end(SecurityIdentity identity, HttpServerRequest request, HttpServerResponse response) {
        Session session = identity.getAttribute(Identities.SESSION);
        if (session == null) {
            return;
        }
        sessions.end(session.id()).await().indefinitely();
        cookie.clear(response, request);
        response.headers().remove(SessionCookie.CSRF_HEADER).remove(SessionCookie.CSRF_TOKEN);
    }
}
