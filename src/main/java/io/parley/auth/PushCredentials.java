package io.parley.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.chat.StatusCode;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Basic credentials and session cookies on the push endpoints (SSE and CometD), which answer outside the REST layer
 * and its security. Bearer tokens stay each endpoint's own business: a request whose {@code Authorization} header
 * is not Basic gets {@link Resolved#NONE} here. Without an {@code Authorization} header, the session cookie counts,
 * and a request that changes state must carry the session's CSRF token (every CometD message does: a long-polling
 * POST, or the WebSocket upgrade that the session's messages then travel on).
 */
@ApplicationScoped
public class PushCredentials {

    /**
     * What a request's Basic credentials or session cookie establish: a caller, or a refusal (a statusCode and its
     * message), or neither when the request has none of them.
     */
    public record Resolved(Caller caller, StatusCode refusal, String message) {
        public static final Resolved NONE = new Resolved(null, null, null);

        static Resolved refused(StatusCode refusal, String message) {
            return new Resolved(null, refusal, message);
        }
    }

    private final PasswordCheck passwords;
    private final Sessions sessions;

    PushCredentials(PasswordCheck passwords, Sessions sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    public Uni<Resolved> resolve(HttpServerRequest request, boolean changesState) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (BasicCredentials.isBasic(authorization)) {
            BasicCredentials credentials = BasicCredentials.parse(authorization);
            if (credentials == null) {
                return Uni.createFrom().item(Resolved.refused(StatusCode.NOT_AUTHENTICATED,
                        "Malformed Basic credentials"));
            }
            return passwords.check(credentials.userName(), credentials.password())
                    .map(user -> new Resolved(user.caller(), null, null))
                    .onFailure(failure -> failure instanceof AuthenticationFailedException
                            || failure instanceof Throttled)
                    .recoverWithItem(failure -> Resolved.refused(StatusCode.NOT_AUTHENTICATED, failure.getMessage()));
        }
        String sessionId = SessionCookie.of(request);
        if (authorization != null || sessionId == null) {
            return Uni.createFrom().item(Resolved.NONE);
        }
        // an unknown or ended session counts as no credentials: a client may still send a token in the handshake
        return sessions.find(sessionId).map(session -> {
            if (session == null) {
                return Resolved.NONE;
            }
            if (changesState && !SessionCookie.carriesToken(request, session)) {
                return Resolved.refused(StatusCode.FORBIDDEN, new CsrfRefused().getMessage());
            }
            return new Resolved(session.user().caller(), null, null);
        });
    }
}
