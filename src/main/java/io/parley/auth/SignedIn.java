package io.parley.auth;

import java.util.HashSet;
import java.util.List;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

import io.parley.user.User;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** A user whose password was checked (by Basic or a session cookie): who they are and their roles. */
public record SignedIn(String userId, String userName, List<String> roles) {

    public SignedIn {
        roles = List.copyOf(roles);
    }

    public static SignedIn of(User user) {
        return new SignedIn(user.id(), user.userName(), user.roles());
    }

    public Caller caller() {
        return new Caller(userId, new HashSet<>(roles), null, null);
    }

    /**
     * The same claims a bearer token of this user carries, so that the REST resources read every caller alike.
     * Nothing is signed: it never leaves the process.
     */
    public JsonWebToken principal() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(userId);
        claims.setClaim(Claims.upn.name(), userName);
        claims.setStringListClaim(Claims.groups.name(), roles);
        return new DefaultJWTCallerPrincipal(claims);
    }
}
