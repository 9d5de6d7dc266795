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

/** Looks at the test Redis from outside the app, over plain RESP: what the app sends it, and admin commands. */
public final class RedisProbe {

    private RedisProbe() {
    }

    /** Every command Redis received while {@code during} ran (MONITOR lines), including a short settling time. */
    public static List<String> monitor(String redisHosts, Runnable during) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Socket monitor = connect(redisHosts)) {
            OutputStream out = monitor.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(monitor.getInputStream(),
                    StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IllegalStateException("MONITOR refused");
            }
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        seen.add(line);
                    }
                } catch (IOException closed) {
                    // the monitor socket is closed at the end
                }
            });
            during.run();
            Thread.sleep(300);
            monitor.close();
            reader.join(1_000);
        }
        return List.copyOf(seen);
    }

    /** Sends one command and returns the reply's lines as Redis wrote them (a bulk string's text included). */
    public static List<String> command(String redisHosts, String... arguments) {
        try (Socket socket = connect(redisHosts)) {
            StringBuilder resp = new StringBuilder().append('*').append(arguments.length).append("\r\n");
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
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(String redisHosts) throws IOException {
        URI redis = URI.create(redisHosts.split(",")[0].trim());
        return new Socket(redis.getHost(), redis.getPort());
    }
}
