package io.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.quarkus.redis.client.RedisHostsProvider;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.annotation.Identifier;
import redis.embedded.RedisServer;

/**
 * Supplies the Redis address when {@code quarkus.redis.hosts} is not set: a real redis-server 7 started on a free
 * loopback port, for local runs. Production must name its Redis; one per pod would silently split the data.
 */
@ApplicationScoped
@Identifier("parley-embedded")
public class EmbeddedRedis implements RedisHostsProvider {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class);

    private final boolean enabled;
    private RedisServer server;
    private int port;

    EmbeddedRedis(ParleyConfig config) {
        this.enabled = config.redis().embedded();
    }

    @Override
    public synchronized Set<URI> getHosts() {
        if (!enabled) {
            throw new ConfigurationException("No Redis configured: set quarkus.redis.hosts (QUARKUS_REDIS_HOSTS) to "
                    + "the shared Redis, or parley.redis.embedded=true for a throw-away local one. Parley will not "
                    + "start a Redis per instance in production: each pod would see different chats.");
        }
        if (server == null) {
            port = freePort();
            server = RedisServer.builder()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            LOG.infof("Started embedded Redis on 127.0.0.1:%d (no quarkus.redis.hosts configured)", port);
        }
        return Set.of(URI.create("redis://127.0.0.1:" + port));
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
