package io.parley.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Reading {@code Authorization: Basic base64(user:password)} (RFC 7617). */
class BasicCredentialsTest {

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theNameEndsAtTheFirstColonAndThePasswordKeepsTheRest() {
        BasicCredentials credentials = BasicCredentials.parse("Basic " + encode("alice:se:cr:et é"));

        assertEquals("alice", credentials.userName());
        assertEquals("se:cr:et é", credentials.password());
    }

    @Test
    void theSchemeIsCaseInsensitiveAndOnlyBasicCounts() {
        assertTrue(BasicCredentials.isBasic("basic " + encode("a:b")));
        assertFalse(BasicCredentials.isBasic("Bearer abc"));
        assertFalse(BasicCredentials.isBasic(null));
    }

    @Test
    void malformedCredentialsAreNone() {
        assertNull(BasicCredentials.parse("Basic !!!"));
        assertNull(BasicCredentials.parse("Basic " + encode("no-colon")));
        assertNull(BasicCredentials.parse("Basic " + encode(":no-name")));
        assertNull(BasicCredentials.parse("Basic " + "A".repeat(2_000)));
    }

    @Test
    void itsTextNeverShowsThePassword() {
        assertFalse(BasicCredentials.parse("Basic " + encode("alice:secret")).toString().contains("secret"));
    }
}
