package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.RedisTestResource;
import io.parley.support.TokenKeys;
import io.restassured.RestAssured;

/**
 * The packaged application in the prod profile refuses to start without a usable token key pair, and says which
 * two settings to give, rather than starting and failing every sign-in. A push-only instance verifies tokens and
 * starts with the public key alone.
 */
class TokenKeysIT {

    private static final List<String> NAMED = List.of("smallrye.jwt.sign.key.location",
            "SMALLRYE_JWT_SIGN_KEY_LOCATION", "mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");

    private static final RedisTestResource REDIS = new RedisTestResource();
    private static Map<String, String> environment;

    @BeforeAll
    static void redis() {
        Map<String, String> redis = REDIS.start();
        environment = OperatorSettings.on(redis);
    }

    @AfterAll
    static void stop() {
        REDIS.stop();
        RestAssured.reset();
    }

    @Test
    void withoutKeysTheStartIsRefusedNamingBothSettings() throws Exception {
        ParleyProcess.Refusal refusal = ParleyProcess.refusedStart("no-keys", freePort(), environment);

        assertNotEquals(0, refusal.exitCode());
        assertNamesBothSettings(refusal.log());
    }

    @Test
    void halvesOfTwoDifferentPairsAreRefused() throws Exception {
        Map<String, String> one = TokenKeys.environment(Path.of("target", "it-keys-one"));
        Map<String, String> other = TokenKeys.environment(Path.of("target", "it-keys-other"));
        Map<String, String> mismatched = new HashMap<>(environment);
        mismatched.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", one.get("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        mismatched.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", other.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));

        ParleyProcess.Refusal refusal = ParleyProcess.refusedStart("mismatched-keys", freePort(), mismatched);

        assertNotEquals(0, refusal.exitCode());
        assertNamesBothSettings(refusal.log());
        assertTrue(refusal.log().contains("not a pair"), refusal.log());
        assertFalse(refusal.log().contains("eyJ"), "no token is logged:\n" + refusal.log());
    }

    @Test
    void aPushInstanceStartsWithThePublicKeyAlone() throws Exception {
        Map<String, String> keys = TokenKeys.environment(Path.of("target", "it-keys"));
        Map<String, String> push = new HashMap<>(environment);
        push.put("PARLEY_ROLE", "push");
        push.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));

        try (ParleyProcess started = ParleyProcess.start("push-public-key", freePort(), push)) {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = started.port();
            // a stream without a token is refused by the verifier, not by a missing key
            assertEquals(401, RestAssured.get("/api/v2/notifications").statusCode());
        }
    }

    private static void assertNamesBothSettings(String log) {
        String refusal = log.lines().filter(line -> line.contains("smallrye.jwt.sign.key.location")).findFirst()
                .orElseThrow(() -> new AssertionError("no line names the signing key:\n" + log));
        for (String name : NAMED) {
            assertTrue(refusal.contains(name), name + " is not named in: " + refusal);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
