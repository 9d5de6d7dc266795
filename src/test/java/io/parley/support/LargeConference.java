package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Room for a customer, a host and twenty invited agents in one chat. */
public class LargeConference implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.chat.max-parties", "30");
    }
}
