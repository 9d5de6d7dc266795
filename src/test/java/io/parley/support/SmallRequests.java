package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Requests (and WebSocket messages) of at most 16 KiB, so that a test can show the bound follows the setting. */
public class SmallRequests implements QuarkusTestProfile {

    public static final int MAX_BYTES = 16384;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.request.max-bytes", Integer.toString(MAX_BYTES));
    }
}
