package parley.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Redis did for a stretch of load, from INFO on each primary before and after it.
 *
 * <p>Commands: the calls INFO commandstats counts, which include the commands a script runs inside Redis (a
 * commit script is its EVALSHA plus each command it calls). Round trips: total_reads_processed, the reads Redis
 * made from client sockets; a pipeline arriving at once is one read, so this counts the app's requests as sent
 * over the wire. From both, the REPLCONF acknowledgements a replica sends its primary are taken out (one read and
 * one command each), and so is the snapshots' own traffic. Background work of the app (offer sweeps,
 * stream reads) falls in too, a few commands a second against thousands of operations.
 */
final class RedisCounters {

    private static final Pattern CALLS = Pattern.compile("^cmdstat_([a-z|_-]+):calls=(\\d+),", Pattern.MULTILINE);
    private static final Pattern READS = Pattern.compile("^total_reads_processed:(\\d+)", Pattern.MULTILINE);

    /** Commands, REPLCONF commands and reads of each node, by port. */
    record Snapshot(Map<Integer, long[]> byPort) {
    }

    /** Per operation, over all nodes; and each node's share of the commands, by port. */
    record Usage(double commandsPerOperation, double roundTripsPerOperation, Map<Integer, Double> commandShares) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("commandsPerOperation", commandsPerOperation);
            figures.put("roundTripsPerOperation", roundTripsPerOperation);
            Map<String, Object> shares = new LinkedHashMap<>();
            commandShares.forEach((port, share) -> shares.put("127.0.0.1:" + port, share));
            figures.put("commandShareByPrimary", shares);
            return figures;
        }

        String note() {
            String note = String.format("%.1f commands, %.1f round trips", commandsPerOperation, roundTripsPerOperation);
            if (commandShares.size() > 1) {
                note += "; primaries "
                        + String.join("/", commandShares.values().stream().map(s -> String.format("%.0f", s * 100))
                                .toList()) + " % of commands";
            }
            return note;
        }
    }

    private RedisCounters() {
    }

    static Snapshot take(List<Integer> ports) throws IOException {
        Map<Integer, long[]> byPort = new LinkedHashMap<>();
        for (int port : ports) {
            String info = info(port);
            long commands = 0;
            long replconf = 0;
            Matcher calls = CALLS.matcher(info);
            while (calls.find()) {
                long n = Long.parseLong(calls.group(2));
                commands += n;
                if (calls.group(1).equals("replconf")) {
                    replconf = n;
                }
            }
            Matcher reads = READS.matcher(info);
            if (!reads.find()) {
                throw new IllegalStateException("No total_reads_processed in INFO of port " + port);
            }
            byPort.put(port, new long[] { commands, replconf, Long.parseLong(reads.group(1)) });
        }
        return new Snapshot(byPort);
    }

    static Usage between(Snapshot before, Snapshot after, long operations) {
        long commands = 0;
        long roundTrips = 0;
        Map<Integer, Long> commandsByPort = new LinkedHashMap<>();
        for (Map.Entry<Integer, long[]> node : after.byPort().entrySet()) {
            long[] a = node.getValue();
            long[] b = before.byPort().get(node.getKey());
            long replconf = a[1] - b[1];
            // the snapshots' own traffic: the first INFO's command, the second INFO's read, and the read that
            // found the first INFO's connection closed
            long nodeCommands = a[0] - b[0] - replconf - 1;
            commands += nodeCommands;
            roundTrips += a[2] - b[2] - replconf - 2;
            commandsByPort.put(node.getKey(), nodeCommands);
        }
        Map<Integer, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<Integer, Long> node : commandsByPort.entrySet()) {
            shares.put(node.getKey(), commands == 0 ? Double.NaN : node.getValue() / (double) commands);
        }
        return new Usage(commands / (double) operations, roundTrips / (double) operations, shares);
    }

    private static String info(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("*3\r\n$4\r\nINFO\r\n$5\r\nstats\r\n$12\r\ncommandstats\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String header = line(in);
            if (!header.startsWith("$")) {
                throw new IOException("INFO on port " + port + ": " + header);
            }
            return new String(in.readNBytes(Integer.parseInt(header.substring(1))), StandardCharsets.UTF_8);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
