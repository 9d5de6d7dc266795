package io.parley.auth;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** When a verification may be reused: never past the token's expiry (plus skew), never past the cache's max age. */
class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(60);

    @Test
    void aVerifiedTokenIsFoundByItsText() {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ofMinutes(5), SKEW);
        JsonWebToken token = expiringIn(Duration.ofHours(8));
        tokens.keep("raw-a", token);
        assertSame(token, tokens.find("raw-a"));
        assertNull(tokens.find("raw-b"), "another text, even one that differs only in its signature, is unknown");
    }

    @Test
    void aTokenPastItsExpiryAndSkewIsNotReused() {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ofMinutes(5), SKEW);
        tokens.keep("raw", expiringIn(SKEW.negated().minusSeconds(1)));
        assertNull(tokens.find("raw"));
    }

    @Test
    void noVerificationOutlivesTheMaxAge() {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ZERO, SKEW);
        tokens.keep("raw", expiringIn(Duration.ofHours(8)));
        assertNull(tokens.find("raw"));
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() {
        VerifiedTokens tokens = new VerifiedTokens(0, Duration.ofMinutes(5), SKEW);
        tokens.keep("raw", expiringIn(Duration.ofHours(8)));
        assertNull(tokens.find("raw"));
    }

    private static JsonWebToken expiringIn(Duration left) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("agent-1");
        claims.setIssuer("parley");
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plus(left).getEpochSecond()));
        return new DefaultJWTCallerPrincipal(claims);
    }
}
