package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Offers that lapse after two seconds, so that timeouts can be watched happening. */
public class ShortOffers implements QuarkusTestProfile {

    public static final long TIMEOUT_MILLIS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.offer.timeout", TIMEOUT_MILLIS + "ms");
    }
}
