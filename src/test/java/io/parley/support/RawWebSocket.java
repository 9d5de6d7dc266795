package io.parley.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.RestAssured;

/**
 * A WebSocket client over a plain socket, for what well-behaved clients never do: send one frame as large as it
 * likes, or stop reading while the server writes. Its socket's receive buffer can be made small, so that what the
 * server sends piles up on the server's side rather than in this client's kernel.
 */
public final class RawWebSocket implements AutoCloseable {

    /** One frame from the server: its opcode and payload (for a close frame, the status code first). */
    public record Frame(int opcode, byte[] payload) {
        public static final int TEXT = 1;
        public static final int CLOSE = 8;

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /**
     * Upgrades a connection to {@code /api/v2/notifications} with the token in the Authorization header;
     * {@code receiveBuffer} bytes of kernel buffer for what the server sends (0: the system's default).
     */
    public static RawWebSocket open(String token, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                // before connecting, so that the window the server sees is small from the start
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("localhost", RestAssured.port), 10_000);
            socket.setSoTimeout(10_000);
            RawWebSocket client = new RawWebSocket(socket);
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            client.out.write(("GET /api/v2/notifications HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            String status = client.line();
            if (!status.contains(" 101 ")) {
                throw new IllegalStateException("Upgrade refused: " + status);
            }
            while (!client.line().isEmpty()) {
                // the upgrade's headers
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} as one frame, final or to be continued, masked as a client must. */
    public void sendFrame(String text, boolean first, boolean fin) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (first ? Frame.TEXT : 0));
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} as one whole message in one frame. */
    public void send(String text) {
        sendFrame(text, true, true);
    }

    /** The next frame from the server, or null when the connection ended without one. */
    public Frame read() {
        try {
            int head = in.read();
            if (head < 0) {
                return null;
            }
            int second = in.read();
            long length = second & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                return null;
            }
            return new Frame(head & 0x0f, payload);
        } catch (SocketException | EOFException reset) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No frame within the socket's timeout", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and discards everything until the connection ends or a close frame arrives; the close status, -1 when
     * the connection ended without one. Fails if the server is still sending or silent after {@code millis}.
     */
    public int readToEnd(int millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                Frame frame = read();
                if (frame == null) {
                    return -1;
                }
                if (frame.opcode() == Frame.CLOSE) {
                    return frame.closeCode();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssertionError stillOpen) {
            // a read timed out: the connection is still open
        }
        throw new AssertionError("The connection is still open after " + millis + " ms");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing what the server may have closed already
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
