package io.parley.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * GWS clients' authentication on the REST API, beside bearer tokens (which the JWT mechanism keeps): HTTP Basic on
 * any request, and the {@code JSESSIONID} session cookie that the first Basic response sets. A request with an
 * {@code Authorization} header is authenticated by it alone; a request without one, by its cookie, and then a
 * state-changing request must carry the session's CSRF token ({@link CsrfRefused} otherwise). Every response that
 * opens or rides on a session announces its CSRF token.
 */
@ApplicationScoped
public class BasicAndSessionMechanism implements HttpAuthenticationMechanism {

    private final Sessions sessions;
    private final SessionCookie cookie;

    BasicAndSessionMechanism(Sessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!BasicCredentials.isBasic(authorization)) {
                return Uni.createFrom().nullItem(); // a bearer token, the JWT mechanism's
            }
            BasicCredentials credentials = BasicCredentials.parse(authorization);
            if (credentials == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Malformed Basic credentials"));
            }
            return identities.authenticate(new Identities.PasswordRequest(credentials))
                    .flatMap(identity -> withSession(context, identity));
        }
        String sessionId = SessionCookie.of(context.request());
        if (sessionId == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new Identities.SessionRequest(sessionId)).map(identity -> {
            Session session = identity.getAttribute(Identities.SESSION);
            if (SessionCookie.changesState(context.request()) && !SessionCookie.carriesToken(context.request(),
                    session)) {
                throw new CsrfRefused();
            }
            SessionCookie.announce(context.response(), session);
            return identity;
        });
    }

    /**
     * A Basic request rides on the session its cookie names if that session is the same user's; otherwise it opens
     * one, whose cookie its response sets.
     */
    private Uni<SecurityIdentity> withSession(RoutingContext context, SecurityIdentity identity) {
        SignedIn user = identity.getAttribute(Identities.USER);
        String sessionId = SessionCookie.of(context.request());
        Uni<Session> known = sessionId == null ? Uni.createFrom().nullItem() : sessions.find(sessionId);
        return known.flatMap(session -> {
            if (session != null && session.user().userId().equals(user.userId())) {
                SessionCookie.announce(context.response(), session);
                return Uni.createFrom().item(session);
            }
            return sessions.open(user).invoke(opened -> cookie.set(context.response(), context.request(), opened));
        }).map(session -> QuarkusSecurityIdentity.builder(identity).addAttribute(Identities.SESSION, session).build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"parley\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Identities.PasswordRequest.class, Identities.SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }
}
