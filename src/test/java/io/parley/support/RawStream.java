package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * An SSE stream read over a plain socket, to see what the server really sends and when: headers, chunk framing and
 * comment lines included, which an SSE client hides.
 */
public final class RawStream {

    /** What arrived within the time read, and whether the server closed the connection meanwhile. */
    public record Read(String text, boolean closed) {
    }

    private RawStream() {
    }

    /** Opens {@code GET /api/v2/notifications} with {@code token} and reads for {@code millis} at most. */
    public static Read read(String token, long millis) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/v2/notifications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            long deadline = System.currentTimeMillis() + millis;
            byte[] buffer = new byte[4096];
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                try {
                    int read = in.read(buffer);
                    if (read < 0) {
                        return new Read(all.toString(StandardCharsets.UTF_8), true);
                    }
                    all.write(buffer, 0, read);
                } catch (SocketTimeoutException quiet) {
                    break;
                }
            }
            return new Read(all.toString(StandardCharsets.UTF_8), false);
        }
    }
}
