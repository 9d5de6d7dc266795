package io.parley.auth;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of the MP-JWT verifier, for the REST layer's bearer authentication and for
 * the push endpoints alike. Only {@link #parse(String)}, the one call made with the configured keys, is cached.
 */
@Decorator
@Priority(10)
abstract class CachedTokenParser implements JWTParser {

    private final JWTParser verifier;
    private final VerifiedTokens verified;

    @Inject
    CachedTokenParser(@Delegate JWTParser verifier, VerifiedTokens verified) {
        this.verifier = verifier;
        this.verified = verified;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.find(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        verified.keep(token, checked);
        return checked;
    }
}
