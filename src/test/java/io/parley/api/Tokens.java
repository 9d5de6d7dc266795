package io.parley.api;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Bearer tokens that are each wrong in one way only: they carry the claims of a real token the app issued (issuer,
 * subject, groups, chat) and differ in expiry, signature or issuer.
 */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static PrivateKey foreignKey;

    private Tokens() {
    }

    /** The claims of {@code token}, re-signed with the app's key: a control that must be accepted. */
    static String resigned(String token) {
        return Jwt.claimsJson(fresh(token).encode()).sign();
    }

    static String expired(String token) {
        JsonObject claims = fresh(token)
                .put("iat", Instant.now().minusSeconds(7200).getEpochSecond())
                .put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        return Jwt.claimsJson(claims.encode()).sign();
    }

    static String foreignSigned(String token) {
        return Jwt.claimsJson(fresh(token).encode()).sign(foreignKey());
    }

    static String otherIssuer(String token) {
        return Jwt.claimsJson(fresh(token).put("iss", "someone-else").encode()).sign();
    }

    /** {@code alg: none} with an empty signature, the classic downgrade. */
    static String unsigned(String token) {
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + B64.encodeToString(fresh(token).encode().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The real signature over a payload that now claims the admin role. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        JsonObject claims = claims(token).put("groups", new JsonArray().add("admin").add("agent"));
        return parts[0] + "." + B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    static JsonObject claims(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject fresh(String token) {
        JsonObject claims = claims(token);
        claims.remove("jti");
        long now = Instant.now().getEpochSecond();
        return claims.put("iat", now).put("exp", now + 3600);
    }

    private static synchronized PrivateKey foreignKey() {
        if (foreignKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                foreignKey = generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return foreignKey;
    }
}
