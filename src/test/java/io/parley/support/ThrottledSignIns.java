package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A sign-in throttle that refuses a user name after three failures, so that it can be reached in a test. */
public class ThrottledSignIns implements QuarkusTestProfile {

    public static final int MAX_FAILURES = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.auth.throttle.max-failures", Integer.toString(MAX_FAILURES),
                "parley.auth.throttle.window", "10m");
    }
}
