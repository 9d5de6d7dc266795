package io.parley.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;

import io.parley.support.RedisProbe;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of three primaries and three replicas on loopback, from the embedded-redis binary: the slots
 * split evenly over the primaries, one replica each, and a node timeout short enough that a primary killed is
 * replaced by its replica within seconds.
 */
final class LocalCluster implements AutoCloseable {

    static final int NODE_TIMEOUT_MILLIS = 2_000;
    private static final List<int[]> SLOT_RANGES = List.of(new int[] {0, 5460}, new int[] {5461, 10922},
            new int[] {10923, 16383});
    private static final Duration SETTLING = Duration.ofSeconds(30);

    /** Every node by its redis:// URI, in start order: the three first primaries, then their replicas. */
    private final Map<String, RedisServer> servers;
    private final List<String> killed = new ArrayList<>();
    private final Path folder;

    private LocalCluster(Map<String, RedisServer> servers, Path folder) {
        this.servers = servers;
        this.folder = folder;
    }

    static LocalCluster start(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, RedisServer> servers = new LinkedHashMap<>();
        LocalCluster cluster = new LocalCluster(servers, folder.toAbsolutePath());
        try {
            for (int i = 0; i < 2 * SLOT_RANGES.size(); i++) {
                int port = freeClusterPort();
                Files.deleteIfExists(cluster.nodesFile(port));
                servers.put("redis://127.0.0.1:" + port, cluster.startNode(port));
            }
            cluster.form();
            return cluster;
        } catch (RuntimeException | IOException e) {
            cluster.close();
            throw e;
        }
    }

    /** A node without persistence: restarted, it comes back empty, known to the cluster by its nodes file. */
    private RedisServer startNode(int port) throws IOException {
        RedisServer server = RedisServer.builder().bind("127.0.0.1").port(port).setting("save \"\"")
                .setting("appendonly no").setting("cluster-enabled yes")
                .setting("cluster-config-file " + nodesFile(port))
                .setting("cluster-node-timeout " + NODE_TIMEOUT_MILLIS).build();
        server.start();
        return server;
    }

    private Path nodesFile(int port) {
        return folder.resolve("nodes-" + port + ".conf");
    }

    /** Slots to the first three nodes, every node introduced to the first, the last three as their replicas. */
    private void form() {
        List<String> nodes = List.copyOf(servers.keySet());
        for (int i = 0; i < SLOT_RANGES.size(); i++) {
            int[] range = SLOT_RANGES.get(i);
            expectOk(nodes.get(i), "CLUSTER", "ADDSLOTSRANGE", Integer.toString(range[0]), Integer.toString(range[1]));
        }
        for (String node : nodes.subList(1, nodes.size())) {
            URI address = URI.create(node);
            expectOk(nodes.get(0), "CLUSTER", "MEET", address.getHost(), Integer.toString(address.getPort()));
        }
        // a replica can follow only a primary it has heard of through the cluster bus
        Awaitility.await().atMost(SETTLING).pollInterval(Duration.ofMillis(100))
                .until(() -> nodes.stream().allMatch(node -> knownNodes(node) == nodes.size()));
        for (int i = 0; i < SLOT_RANGES.size(); i++) {
            String primaryId = RedisProbe.command(nodes.get(i), "CLUSTER", "MYID").get(1);
            expectOk(nodes.get(SLOT_RANGES.size() + i), "CLUSTER", "REPLICATE", primaryId);
        }
        Awaitility.await().atMost(SETTLING).pollInterval(Duration.ofMillis(100)).until(() -> nodes.stream()
                .allMatch(node -> clusterStateOk(node) && (isPrimary(node) || replicaLinked(node))));
    }

    /** The seed list an app is given: all six nodes as redis:// URIs, comma-separated. */
    String hosts() {
        return String.join(",", servers.keySet());
    }

    /** The nodes that serve slots now, as a live node sees the cluster. */
    List<String> primaries() {
        return RedisProbe.primaries(aliveNode());
    }

    /** The replica that follows {@code primary}. */
    String replicaOf(String primary) {
        String primaryId = RedisProbe.command(primary, "CLUSTER", "MYID").get(1);
        return clusterNodeLines(aliveNode()).stream().map(line -> line.split(" "))
                .filter(fields -> fields[3].equals(primaryId) && fields[2].contains("slave"))
                .map(fields -> "redis://" + fields[1].replaceAll("@.*$", "")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No replica follows " + primary));
    }

    /** The primary that serves {@code key}'s hash slot now, from the slot ranges CLUSTER NODES lists. */
    String primaryOf(String key) {
        String live = aliveNode();
        int slot = Integer.parseInt(RedisProbe.command(live, "CLUSTER", "KEYSLOT", key).get(0).substring(1));
        for (String line : clusterNodeLines(live)) {
            String[] fields = line.split(" ");
            if (!fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                if (range[0].startsWith("[")) {
                    continue; // a slot being imported or migrated
                }
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    return "redis://" + fields[1].replaceAll("@.*$", "");
                }
            }
        }
        throw new IllegalStateException("No primary serves slot " + slot + " of " + key);
    }

    /** Kills {@code node}'s redis-server with SIGKILL, as a crash would, and waits until it is gone. */
    void kill(String node) {
        String pid = info(node, "process_id")
                .orElseThrow(() -> new IllegalStateException(node + " names no process id"));
        ProcessHandle process = ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IllegalStateException("No process " + pid + " for " + node));
        killed.add(node);
        process.destroyForcibly(); // SIGKILL: the node gets no chance to hand over anything
        process.onExit().join();
    }

    /**
     * Starts a killed node again, as an orchestrator would: it rejoins with the identity its nodes file keeps, as a
     * replica of whoever took over its slots; returns once it is linked and the cluster whole.
     */
    void restart(String node, Duration atMost) throws IOException {
        if (!killed.contains(node)) {
            throw new IllegalStateException(node + " was not killed");
        }
        servers.put(node, startNode(URI.create(node).getPort()));
        killed.remove(node);
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> !isPrimary(node)
                && replicaLinked(node) && liveNodes().stream().allMatch(LocalCluster::clusterStateOk));
    }

    /**
     * Waits until {@code replica} has taken over as a primary and every live node sees the cluster whole again.
     */
    void awaitFailover(String replica, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> isPrimary(replica)
                && liveNodes().stream().allMatch(LocalCluster::clusterStateOk));
    }

    @Override
    public void close() {
        for (Map.Entry<String, RedisServer> node : servers.entrySet()) {
            if (!killed.contains(node.getKey())) {
                node.getValue().stop();
            }
        }
    }

    private List<String> liveNodes() {
        return servers.keySet().stream().filter(node -> !killed.contains(node)).toList();
    }

    private String aliveNode() {
        return liveNodes().get(0);
    }

    static boolean isPrimary(String node) {
        return info(node, "role").filter("master"::equals).isPresent();
    }

    private static boolean replicaLinked(String node) {
        return info(node, "master_link_status").filter("up"::equals).isPresent();
    }

    private static boolean clusterStateOk(String node) {
        return RedisProbe.command(node, "CLUSTER", "INFO").contains("cluster_state:ok");
    }

    private static int knownNodes(String node) {
        return (int) clusterNodeLines(node).stream().filter(line -> !line.contains("handshake")).count();
    }

    /** CLUSTER NODES of {@code node}, a line per node: id, address, flags, primary id, ... */
    private static List<String> clusterNodeLines(String node) {
        List<String> reply = RedisProbe.command(node, "CLUSTER", "NODES");
        return reply.subList(1, reply.size()).stream().filter(line -> !line.isBlank()).toList();
    }

    private static Optional<String> info(String node, String field) {
        return RedisProbe.command(node, "INFO").stream().filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim()).findFirst();
    }

    private static void expectOk(String node, String... command) {
        List<String> reply = RedisProbe.command(node, command);
        if (!reply.equals(List.of("+OK"))) {
            throw new IllegalStateException(String.join(" ", command) + " on " + node + ": " + reply);
        }
    }

    /** A free port whose cluster bus port (10000 above it) is free too. */
    private static int freeClusterPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (port + 10_000 <= 65_535 && free(port + 10_000)) {
                return port;
            }
        }
        throw new IOException("No free port with a free cluster bus port");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
