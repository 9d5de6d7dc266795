package io.parley.auth;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.parley.ParleyConfig;

/**
 * Bearer tokens whose signature and claims were already verified, by their exact text. An agent's desktop sends the
 * same token with every request for hours; checking its RSA signature and parsing its claims each time was the
 * largest part of a SendMessage's CPU. A token's text is what was signed, so the same text verifies the same way
 * until it expires: an entry is dropped at the token's expiry (plus the verifier's clock skew), or after
 * {@code maxAge} at the latest. Only successes are kept.
 */
@Singleton
public class VerifiedTokens {

    private final Cache<String, JsonWebToken> verified;
    private final boolean keeping;

    @Inject
    VerifiedTokens(ParleyConfig config,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int skewSeconds) {
        this(config.auth().tokenCache().size(), config.auth().tokenCache().maxAge(), Duration.ofSeconds(skewSeconds));
    }

    public VerifiedTokens(int size, Duration maxAge, Duration clockSkew) {
        // Caffeine evicts over its size in the background, so a size of 0 must not store at all
        this.keeping = size > 0;
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(Expiry.<String, JsonWebToken>creating((raw, token) -> {
                    Duration untilExpiry = Duration.ofSeconds(token.getExpirationTime()).plus(clockSkew)
                            .minusMillis(System.currentTimeMillis());
                    Duration kept = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
                    return kept.isNegative() ? Duration.ZERO : kept;
                }))
                .build();
    }

    /** The token for {@code raw} if it was verified and has not expired since; null otherwise. */
    public JsonWebToken find(String raw) {
        return verified.getIfPresent(raw);
    }

    /** Keeps a token that just passed verification. */
    public void keep(String raw, JsonWebToken token) {
        if (keeping) {
            verified.put(raw, token);
        }
    }
}
