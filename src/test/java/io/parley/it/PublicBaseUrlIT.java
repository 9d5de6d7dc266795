package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.RedisTestResource;

/**
 * A prod api instance takes the base of the URIs it writes from its configuration, never from the Host header a
 * client chooses: without parley.public-base-url (or trusted proxies that name the host) it refuses to start.
 */
class PublicBaseUrlIT {

    private static final RedisTestResource REDIS = new RedisTestResource();
    private static Map<String, String> environment;

    @BeforeAll
    static void redis() throws Exception {
        Map<String, String> redis = REDIS.start();
        environment = OperatorSettings.withTokenKeys(OperatorSettings.on(redis));
    }

    @AfterAll
    static void stop() {
        REDIS.stop();
    }

    @Test
    void withoutAPublicBaseUrlAnApiInstanceRefusesToStart() throws Exception {
        Map<String, String> unnamed = new HashMap<>(environment);
        unnamed.put("PARLEY_PUBLIC_BASE_URL", "");

        ParleyProcess.Refusal refusal = ParleyProcess.refusedStart("no-public-url", freePort(), unnamed);

        assertNotEquals(0, refusal.exitCode());
        assertTrue(refusal.log().contains("parley.public-base-url (PARLEY_PUBLIC_BASE_URL)"), refusal.log());
    }

    @Test
    void aPublicBaseUrlThatIsNoHttpUrlIsRefused() throws Exception {
        Map<String, String> malformed = new HashMap<>(environment);
        malformed.put("PARLEY_PUBLIC_BASE_URL", "chat.example.com");

        ParleyProcess.Refusal refusal = ParleyProcess.refusedStart("bad-public-url", freePort(), malformed);

        assertNotEquals(0, refusal.exitCode());
        assertTrue(refusal.log().contains("parley.public-base-url must be an absolute http or https URL"),
                refusal.log());
    }

    @Test
    void trustedProxiesNamingTheHostAreEnough() throws Exception {
        Map<String, String> behindProxy = new HashMap<>(environment);
        behindProxy.put("PARLEY_PUBLIC_BASE_URL", "");
        behindProxy.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        behindProxy.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");

        try (ParleyProcess started = ParleyProcess.start("proxied-public-url", freePort(), behindProxy)) {
            assertTrue(started.port() > 0);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
