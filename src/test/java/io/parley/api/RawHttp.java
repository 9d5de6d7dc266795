package io.parley.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: a body larger than it announces to be
 * read, or one the server may refuse before it has all arrived.
 */
final class RawHttp {

    record Reply(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.get("content-type");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} exactly as given, request line and headers, with no body. */
    static Reply head(String head) {
        return exchange(head, OutputStream::flush);
    }

    /** Announces {@code length} bytes of body and sends only the first {@code sent} of them. */
    static Reply announce(String path, String token, long length, int sent) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + auth(token) + "Content-Length: " + length + "\r\n\r\n";
        return exchange(head, out -> {
            out.write(("{\"pad\":\"" + "x".repeat(Math.max(0, sent - 9))).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    /** Streams {@code total} bytes in chunks, with no length announced, while the reply may already come. */
    static Reply chunked(String path, String token, int total) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + auth(token) + "Transfer-Encoding: chunked\r\n\r\n";
        return exchange(head, out -> Thread.ofVirtual().start(() -> {
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            try {
                out.write("8\r\n{\"pad\":\"\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int sent = 0; sent < total; sent += chunk.length) {
                    out.write(("2000\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("2\r\n\"}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may close the connection once it has answered
            }
        }));
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static String auth(String token) {
        return token == null ? "" : "Authorization: Bearer " + token + "\r\n";
    }

    private static Reply exchange(String head, BodyWriter body) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            body.write(out);
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
