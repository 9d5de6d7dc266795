package parley.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis Cluster of the cluster phase: three primaries and three replicas on loopback, started and removed by
 * .ci/redis-cluster.sh (Debian's redis-server), as CI runs the tests on it.
 */
final class RedisCluster implements AutoCloseable {

    private final Path dir;
    private final String seeds;
    private final Thread stopAtExit;

    private RedisCluster(Path dir, String seeds) {
        this.dir = dir;
        this.seeds = seeds;
        // its nodes run as daemons, beyond the reach of Processes: stop them however the run ends
        this.stopAtExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    static RedisCluster start(Path dir) throws Exception {
        Path absolute = dir.toAbsolutePath();
        Setup.command(List.of(".ci/redis-cluster.sh", "stop", absolute.toString())); // a previous run's leftovers
        String output = Setup.command(List.of(".ci/redis-cluster.sh", "start", absolute.toString())).trim();
        return new RedisCluster(absolute, output.substring(output.lastIndexOf('\n') + 1));
    }

    /** All six nodes as redis:// URIs, comma-separated: the app's seed list. */
    String seeds() {
        return seeds;
    }

    /** The ports of the nodes that serve slots, as CLUSTER NODES of the first node lists them. */
    List<Integer> primaryPorts() throws Exception {
        String first = seeds.split(",")[0];
        String port = first.substring(first.lastIndexOf(':') + 1);
        List<Integer> primaries = new ArrayList<>();
        for (String line : Setup.command(List.of("redis-cli", "-p", port, "CLUSTER", "NODES")).split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length > 2 && List.of(fields[2].split(",")).contains("master") && !fields[2].contains("fail")) {
                String address = fields[1].replaceAll("@.*$", "");
                primaries.add(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
            }
        }
        primaries.sort(null);
        return primaries;
    }

    private void stop() {
        try {
            Setup.command(List.of(".ci/redis-cluster.sh", "stop", dir.toString()));
        } catch (Exception e) {
            System.err.println("Could not stop the Redis Cluster in " + dir + ": " + e);
        }
    }

    @Override
    public void close() {
        stop();
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
    }
}
