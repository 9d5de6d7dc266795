package io.parley.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Looks at the test Redis from outside the app, over plain RESP: what the app sends it, and admin commands. On a
 * Redis Cluster a keyed command follows the cluster's redirects to the node that holds its slot, and the monitor
 * watches every primary, since each serves only its own slots.
 */
public final class RedisProbe {

    private static final int MAX_REDIRECTS = 5;

    private RedisProbe() {
    }

    /**
     * Every command Redis received while {@code during} ran (MONITOR lines; on a cluster those of every primary),
     * including a short settling time.
     */
    public static List<String> monitor(String redisHosts, Runnable during) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Socket> monitors = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        try {
            for (String node : primaries(redisHosts)) {
                Socket monitor = connect(node);
                monitors.add(monitor);
                readers.add(startMonitor(monitor, seen));
            }
            during.run();
            Thread.sleep(300);
        } finally {
            for (Socket monitor : monitors) {
                monitor.close();
            }
            for (Thread reader : readers) {
                reader.join(1_000);
            }
        }
        return List.copyOf(seen);
    }

    private static Thread startMonitor(Socket monitor, List<String> seen) throws IOException {
        OutputStream out = monitor.getOutputStream();
        out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
        if (!"+OK".equals(in.readLine())) {
            throw new IllegalStateException("MONITOR refused");
        }
        return Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    seen.add(line);
                }
            } catch (IOException closed) {
                // the monitor socket is closed at the end
            }
        });
    }

    /**
     * Sends one command to the first host and returns the reply's lines as Redis wrote them (a bulk string's text
     * included). On a cluster, a -MOVED or -ASK reply sends it on to the node named, as a cluster client does.
     */
    public static List<String> command(String redisHosts, String... arguments) {
        String node = first(redisHosts);
        boolean asking = false;
        for (int redirect = 0; redirect <= MAX_REDIRECTS; redirect++) {
            List<String> reply = send(node, asking, arguments);
            String head = reply.isEmpty() ? "" : reply.get(0);
            if (head.startsWith("-MOVED ") || head.startsWith("-ASK ")) {
                // -MOVED <slot> <host>:<port>: the slot lives there now; -ASK: only this command goes there
                String target = head.substring(head.lastIndexOf(' ') + 1);
                node = "redis://" + target;
                asking = head.startsWith("-ASK ");
                continue;
            }
            return reply;
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects for " + List.of(arguments));
    }

    /** Every node of the cluster the hosts belong to, as redis:// URIs; the first host alone when not a cluster. */
    public static List<String> nodes(String redisHosts) {
        return clusterNodes(redisHosts, false);
    }

    /** The primaries of the cluster the hosts belong to, as redis:// URIs; the first host alone when not a cluster. */
    public static List<String> primaries(String redisHosts) {
        return clusterNodes(redisHosts, true);
    }

    private static List<String> clusterNodes(String redisHosts, boolean primariesOnly) {
        String first = first(redisHosts);
        List<String> reply = send(first, false, "CLUSTER", "NODES");
        if (reply.isEmpty() || reply.get(0).startsWith("-")) {
            return List.of(first); // cluster support disabled: a standalone Redis
        }
        List<String> nodes = new ArrayList<>();
        // after the bulk length, one line per node: <id> <ip:port@cport> <flags> <primary> ...
        for (String line : reply.subList(1, reply.size())) {
            String[] fields = line.split(" ");
            if (fields.length < 3 || fields[2].contains("fail") || fields[2].contains("noaddr")) {
                continue;
            }
            boolean primary = List.of(fields[2].split(",")).contains("master");
            if (!primariesOnly || primary) {
                nodes.add("redis://" + fields[1].replaceAll("@.*$", ""));
            }
        }
        return nodes;
    }

    private static List<String> send(String node, boolean asking, String... arguments) {
        try (Socket socket = connect(node)) {
            StringBuilder resp = new StringBuilder();
            if (asking) {
                resp.append("*1\r\n$6\r\nASKING\r\n");
            }
            resp.append('*').append(arguments.length).append("\r\n");
            for (String argument : arguments) {
                resp.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(argument).append("\r\n");
            }
            socket.getOutputStream().write(resp.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
            // ASKING's own +OK is not part of the command's reply
            return asking && !lines.isEmpty() && lines.get(0).equals("+OK") ? lines.subList(1, lines.size()) : lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String first(String redisHosts) {
        return redisHosts.split(",")[0].trim();
    }

    private static Socket connect(String node) throws IOException {
        URI redis = URI.create(node);
        return new Socket(redis.getHost(), redis.getPort());
    }
}
