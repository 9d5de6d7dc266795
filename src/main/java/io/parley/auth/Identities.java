package io.parley.auth;

import java.util.HashSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The Quarkus security identities of Basic credentials and of session cookies. */
public final class Identities {

    /** The attribute of an identity that holds the {@link Session} its request opened or rode on. */
    public static final String SESSION = "parley.session";
    /** The attribute of an identity that holds its {@link SignedIn} user. */
    static final String USER = "parley.user";

    private Identities() {
    }

    /** A Basic header's credentials, to be checked. */
    public static final class PasswordRequest extends BaseAuthenticationRequest {
        final BasicCredentials credentials;

        public PasswordRequest(BasicCredentials credentials) {
            this.credentials = credentials;
        }
    }

    /** A session cookie's value, to be looked up. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String sessionId;

        public SessionRequest(String sessionId) {
            this.sessionId = sessionId;
        }
    }

    static SecurityIdentity of(SignedIn user, Session session) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(user.principal())
                .addRoles(new HashSet<>(user.roles()))
                .addAttribute(USER, user);
        if (session != null) {
            identity.addAttribute(SESSION, session);
        }
        return identity.build();
    }

    @ApplicationScoped
    static class PasswordIdentities implements IdentityProvider<PasswordRequest> {
        private final PasswordCheck check;

        PasswordIdentities(PasswordCheck check) {
            this.check = check;
        }

        @Override
        public Class<PasswordRequest> getRequestType() {
            return PasswordRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(PasswordRequest request, AuthenticationRequestContext context) {
            return check.check(request.credentials.userName(), request.credentials.password())
                    .map(user -> of(user, null));
        }
    }

    @ApplicationScoped
    static class SessionIdentities implements IdentityProvider<SessionRequest> {
        private final Sessions sessions;

        SessionIdentities(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return sessions.find(request.sessionId).map(session -> {
                if (session == null) {
                    throw new AuthenticationFailedException("The session has ended: sign in again");
                }
                return of(session.user(), session);
            });
        }
    }
}
