package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Connections idle for four seconds are closed, with push settings scaled down to fit under that, so that the
 * bound can be watched acting.
 */
public class ShortIdleTimeout implements QuarkusTestProfile {

    public static final long IDLE_TIMEOUT_MILLIS = 4_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.idle-timeout", IDLE_TIMEOUT_MILLIS + "ms",
                "parley.notifications.heartbeat", "1s",
                "parley.notifications.bayeux.timeout", "2s",
                "parley.notifications.bayeux.max-interval", "2s");
    }
}
