package io.parley.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/** The app's own token verifier (the one bearer authentication uses) answers a repeated token from the cache. */
@QuarkusTest
class CachedTokenParserTest {

    @Inject
    JWTParser parser;

    @Test
    void theSameTokenIsVerifiedOnce() throws ParseException {
        String token = Jwt.issuer("parley").subject("agent-cached").groups("agent").expiresIn(3600).sign();
        var first = parser.parse(token);
        assertEquals("agent-cached", first.getSubject());
        assertSame(first, parser.parse(token), "the second parse is the verification kept from the first");
        String other = Jwt.issuer("parley").subject("agent-cached").groups("agent").expiresIn(3601).sign();
        assertNotSame(first, parser.parse(other));
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        String expired = Jwt.issuer("parley").subject("agent-late").groups("agent")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        assertThrows(ParseException.class, () -> parser.parse(expired));
        assertThrows(ParseException.class, () -> parser.parse(expired));
    }
}
