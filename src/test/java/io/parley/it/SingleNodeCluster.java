package io.parley.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import io.parley.support.RedisProbe;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of one node that holds every hash slot. Its client behaves as with any cluster: it checks that
 * the keys of one command share a slot before sending it.
 */
final class SingleNodeCluster implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private SingleNodeCluster(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static SingleNodeCluster start(Path folder) throws IOException {
        Files.createDirectories(folder);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path nodes = folder.toAbsolutePath().resolve("nodes-" + port + ".conf");
        Files.deleteIfExists(nodes);
        RedisServer server = RedisServer.builder().bind("127.0.0.1").port(port).setting("save \"\"")
                .setting("appendonly no").setting("cluster-enabled yes").setting("cluster-config-file " + nodes)
                .build();
        server.start();
        SingleNodeCluster cluster = new SingleNodeCluster(server, port);
        cluster.command("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> cluster.command("CLUSTER", "INFO").stream().anyMatch(l -> l.equals("cluster_state:ok")));
        return cluster;
    }

    String hosts() {
        return "redis://127.0.0.1:" + port;
    }

    List<String> command(String... arguments) {
        return RedisProbe.command(hosts(), arguments);
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
