package io.parley.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The app's wake-up subscription as Redis sees it, which a test cuts from outside. Wakeups names the connection
 * after its channel; on a Redis Cluster the client may send that name over another node's connection than the
 * SUBSCRIBE, so where no connection bears the name, the node on which the channel has a subscriber (PUBSUB NUMSUB
 * counts a node's own) tells it: there, the unnamed connection whose last command was SUBSCRIBE.
 */
public final class WakeUpConnection {

    private WakeUpConnection() {
    }

    /** A client connection of one node: the node's redis:// URI and the client id there. */
    public record Located(String node, String id) {
    }

    /** Every connection carrying the subscription to {@code wakeChannel}, on every node; none while there is none. */
    public static List<Located> find(String redisHosts, String wakeChannel) {
        List<Located> found = new ArrayList<>();
        for (String node : RedisProbe.nodes(redisHosts)) {
            List<String> pubsub = RedisProbe.command(node, "CLIENT", "LIST", "TYPE", "pubsub").stream()
                    .flatMap(line -> List.of(line.split("\n")).stream()).toList();
            List<String> lines = pubsub.stream().filter(line -> line.contains(" name=" + wakeChannel + " ")).toList();
            if (lines.isEmpty()) {
                List<String> numsub = RedisProbe.command(node, "PUBSUB", "NUMSUB", wakeChannel);
                String subscribers = numsub.get(numsub.size() - 1);
                if (!subscribers.equals(":0")) {
                    lines = pubsub.stream().filter(line -> line.contains(" name= ") && line.contains(" cmd=subscribe "))
                            .toList();
                    if (!subscribers.equals(":" + lines.size())) {
                        throw new AssertionError("The subscription to " + wakeChannel + " on " + node
                                + " cannot be told apart from other connections: " + lines);
                    }
                }
            }
            for (String line : lines) {
                found.add(new Located(node, line.replaceAll("^.*?\\bid=(\\d+) .*$", "$1")));
            }
        }
        return found;
    }

    /** Closes the subscription's connections, as a Redis restart or a network cut would. */
    public static void kill(String redisHosts, String wakeChannel) {
        List<Located> connections = find(redisHosts, wakeChannel);
        if (connections.isEmpty()) {
            throw new AssertionError("No wake-up subscription to " + wakeChannel + " is open");
        }
        for (Located connection : connections) {
            List<String> reply = RedisProbe.command(connection.node(), "CLIENT", "KILL", "ID", connection.id());
            if (!reply.equals(List.of(":1"))) {
                throw new AssertionError("CLIENT KILL on " + connection.node() + " answered " + reply);
            }
        }
    }
}
