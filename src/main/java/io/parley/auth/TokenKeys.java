package io.parley.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.ParleyConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/**
 * Refuses to start without a usable token key pair. Dev and test generate one; production has none unless it is
 * configured, and without one every sign-in would fail at run time. An instance that signs tokens (the api role, or
 * any instance given a signing key) must verify what it signs: it signs a token at start and verifies it, so that
 * a missing, unreadable or mismatched key is named before the first sign-in. A push-only instance only verifies,
 * and needs a verification key: a public key (inline, a file, or an identity provider's key set over https).
 */
@Singleton
public class TokenKeys {

    /** A token in its compact form: three base64url parts, the first a JSON header. */
    private static final Pattern SIGNED_TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    static final String SIGNING = "smallrye.jwt.sign.key.location (SMALLRYE_JWT_SIGN_KEY_LOCATION)";
    static final String VERIFYING = "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)";

    private final ParleyConfig config;
    private final JWTParser parser;
    private final JWTAuthContextInfo verification;
    private final boolean signingKey;

    TokenKeys(ParleyConfig config, JWTParser parser, JWTAuthContextInfo verification,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKeyLocation,
            @ConfigProperty(name = "smallrye.jwt.sign.key") Optional<String> signingKey) {
        this.config = config;
        this.parser = parser;
        this.verification = verification;
        this.signingKey = signingKeyLocation.isPresent() || signingKey.isPresent();
    }

    /** Before anything that needs Redis: a configuration mistake is reported whether or not Redis is up. */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!hasVerificationKey(verification)) {
            throw new ConfigurationException("Set " + VERIFYING + " to the public key that verifies bearer tokens"
                    + (config.role().servesApi() ? ", and " + SIGNING + " to its private key, which signs them" : "")
                    + ": the prod profile has no token keys of its own. See the README, Run in production.");
        }
        if (!config.role().servesApi() && !signingKey) {
            return;
        }
        String token;
        try {
            token = Jwt.issuer(config.auth().issuer()).subject("parley-start-check").expiresIn(Duration.ofMinutes(1))
                    .sign();
        } catch (RuntimeException e) {
            throw new ConfigurationException("Set " + SIGNING + " to the private key that signs bearer tokens, and "
                    + VERIFYING + " to its public key: no token can be signed (" + e.getMessage() + ")");
        }
        try {
            // the configured keys, not VerifiedTokens: this token is not one to keep
            parser.parse(token, verification);
        } catch (ParseException | RuntimeException e) {
            throw new ConfigurationException("The token keys are not a pair: a token signed with " + SIGNING
                    + " does not verify with " + VERIFYING + " (" + reason(e) + "). Set them to the private and "
                    + "the public half of one key pair.");
        }
    }

    private static boolean hasVerificationKey(JWTAuthContextInfo verification) {
        return verification.getPublicKeyLocation() != null || verification.getPublicKeyContent() != null
                || verification.getPublicVerificationKey() != null || verification.getSecretKeyContent() != null
                || verification.getSecretVerificationKey() != null;
    }

    /**
     * The verifier's own words: the innermost cause says which check failed (the signature, the issuer, ...). It
     * quotes the token it refused, which is left out: no token is ever logged.
     */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
        return SIGNED_TOKEN.matcher(reason).replaceAll("<token>");
    }
}
