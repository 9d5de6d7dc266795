package io.parley.support;

import java.util.List;

/**
 * The app's wake-up subscription as Redis sees it: the connection named after its channel (Wakeups names it so),
 * which a test cuts from outside.
 */
public final class WakeUpConnection {

    private WakeUpConnection() {
    }

    /** The Redis client id of the connection named {@code wakeChannel}, or null while there is none. */
    public static String id(String redisHosts, String wakeChannel) {
        List<String> clients = RedisProbe.command(redisHosts, "CLIENT", "LIST", "TYPE", "pubsub");
        for (String client : clients) {
            if ((" " + client + " ").contains(" name=" + wakeChannel + " ")) {
                for (String field : client.split(" ")) {
                    if (field.startsWith("id=")) {
                        return field.substring(3);
                    }
                }
            }
        }
        return null;
    }

    /** Closes the subscription's connection, as a Redis restart or a network cut would. */
    public static void kill(String redisHosts, String wakeChannel) {
        String id = id(redisHosts, wakeChannel);
        if (id == null) {
            throw new AssertionError("No wake-up subscription named " + wakeChannel + " is open");
        }
        List<String> reply = RedisProbe.command(redisHosts, "CLIENT", "KILL", "ID", id);
        if (!reply.equals(List.of(":1"))) {
            throw new AssertionError("CLIENT KILL answered " + reply);
        }
    }
}
