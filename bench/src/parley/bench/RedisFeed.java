package parley.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds notifications into Redis the way Parley's commit does (append to the recipient's log, publish the
 * wake-up carrying the entry), over plain RESP, so that the push role can be measured on its own, as nchan is fed by its publisher.
 */
final class RedisFeed implements AutoCloseable {

    private static final String APPEND = "local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', 1000, '*', 'n', ARGV[1]); "
            + "redis.call('PUBLISH', ARGV[2], ARGV[3] .. ' ' .. id .. ' ' .. ARGV[1]); return 1";

    private final BlockingQueue<Connection> pool;

    private record Connection(Socket socket, OutputStream out, InputStream in) {
    }

    RedisFeed(int port, int connections) throws IOException {
        pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            pool.add(new Connection(socket, socket.getOutputStream(), new BufferedInputStream(socket.getInputStream())));
        }
    }

    /** Appends {@code notification} to the log of {@code address} and wakes its subscribers; returns on Redis's reply. */
    void publish(String keyPrefix, String address, String notification) throws IOException, InterruptedException {
        Connection connection = pool.take();
        try {
            send(connection.out(), List.of("EVAL", APPEND, "1", keyPrefix + "log:{" + address + "}", notification,
                    keyPrefix + "wake", address));
            readReply(connection.in());
        } finally {
            pool.add(connection);
        }
    }

    private static void send(OutputStream out, List<String> command) throws IOException {
        StringBuilder resp = new StringBuilder().append('*').append(command.size()).append("\r\n");
        for (String part : command) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void readReply(InputStream in) throws IOException {
        int type = in.read();
        String line = readLine(in);
        if (type == '-') {
            throw new IOException("Redis: " + line);
        }
    }

    private static String readLine(InputStream in) throws IOException {
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

    @Override
    public void close() throws IOException {
        for (Connection connection : pool) {
            connection.socket().close();
        }
    }
}
