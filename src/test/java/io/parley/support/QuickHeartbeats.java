package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Keep-alive comments every 300 ms, so that they can be counted on an idle stream. */
public class QuickHeartbeats implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.notifications.heartbeat", "300ms");
    }
}
