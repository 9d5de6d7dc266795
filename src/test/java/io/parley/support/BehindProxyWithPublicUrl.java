package io.parley.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A trusted proxy in front, and a configured public base URL as well. */
public class BehindProxyWithPublicUrl implements QuarkusTestProfile {

    public static final String PUBLIC_BASE_URL = "https://chat.example.com";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(new BehindProxy().getConfigOverrides());
        overrides.put("parley.public-base-url", PUBLIC_BASE_URL);
        return overrides;
    }
}
