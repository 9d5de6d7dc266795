package io.parley.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Ended chats kept for two seconds, so that a test sees one readable after Complete and then gone. */
public class ShortChatRetention implements QuarkusTestProfile {

    public static final long RETENTION_MILLIS = 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.chat.retention", RETENTION_MILLIS + "ms");
    }
}
