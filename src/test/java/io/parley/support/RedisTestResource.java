package io.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * The one Redis of the test run: the one named by QUARKUS_REDIS_HOSTS when given, else an embedded redis-server 7
 * on a free port. Every run writes under a key prefix of its own, so a shared Redis is never disturbed nor flushed.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("parley.redis.key-prefix", "parley-test-" + UUID.randomUUID() + ":");
        if (externalRedis() == null) {
            int port = freePort();
            server = RedisServer.builder().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
            config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * The Redis named by QUARKUS_REDIS_HOSTS, if any. Not the system property: Quarkus sets it in the test JVM from
     * a test resource's configuration for a @QuarkusIntegrationTest and leaves it there, naming a Redis that has
     * stopped with that test class.
     */
    static String externalRedis() {
        String hosts = System.getenv("QUARKUS_REDIS_HOSTS");
        return hosts == null || hosts.isBlank() ? null : hosts;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
