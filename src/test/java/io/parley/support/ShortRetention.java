package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Notifications retained for 3 s and connects held for half a second, so that a test can outlive what the log and
 * the acknowledged positions keep while a CometD desktop stays connected.
 */
public class ShortRetention implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.notifications.retention.age", "3s",
                "parley.notifications.bayeux.timeout", "500ms");
    }
}
