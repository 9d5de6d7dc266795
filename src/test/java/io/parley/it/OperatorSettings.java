package io.parley.it;

import java.io.IOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

import io.parley.support.Parley;
import io.parley.support.TokenKeys;

/**
 * The environment an operator gives every instance of the packaged application: its Redis, the administrator's
 * password, and (unless a test is about their absence) the token key pair. Password hashes are cheap, since the
 * tests create many users.
 */
final class OperatorSettings {

    private OperatorSettings() {
    }

    /** On the Redis a {@link io.parley.support.RedisTestResource} started (or QUARKUS_REDIS_HOSTS names). */
    static Map<String, String> on(Map<String, String> redisResource) {
        Map<String, String> settings = on(redisResource.getOrDefault("quarkus.redis.hosts",
                System.getenv().getOrDefault("QUARKUS_REDIS_HOSTS", "")));
        settings.put("PARLEY_REDIS_KEY_PREFIX", redisResource.get("parley.redis.key-prefix"));
        return settings;
    }

    /** On the Redis at {@code hosts}, without keys. */
    static Map<String, String> on(String hosts) {
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_REDIS_HOSTS", hosts);
        settings.put("PARLEY_BOOTSTRAP_ADMIN_PASSWORD", Parley.ADMIN_PASSWORD);
        settings.put("PARLEY_AUTH_PASSWORD_COST", "4");
        return settings;
    }

    /** {@code settings} with a fresh token key pair, as files the instances read at start. */
    static Map<String, String> withTokenKeys(Map<String, String> settings) throws IOException,
            NoSuchAlgorithmException {
        settings.putAll(TokenKeys.environment(Path.of("target", "it-keys")));
        return settings;
    }
}
