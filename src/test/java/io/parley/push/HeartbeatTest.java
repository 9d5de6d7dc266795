package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.QuickHeartbeats;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** An idle SSE stream gets a comment line every heartbeat interval, so that proxies keep it open. */
@QuarkusTest
@TestProfile(QuickHeartbeats.class)
class HeartbeatTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void anIdleStreamIsKeptAliveEveryInterval() throws Exception {
        Agent agent = Parley.readyAgent("idle");
        String received = readFor(agent.token(), 2_000);

        int keepAlives = received.split(": keep-alive\n\n", -1).length - 1;
        // 300 ms apart after a random first one: at least five in two seconds, and not one per read or per write
        assertTrue(keepAlives >= 5 && keepAlives <= 8, keepAlives + " keep-alives in:\n" + received);
        assertTrue(received.contains(": subscribed\n\n"));
    }

    /** What the server sends on a raw SSE connection within {@code millis}, headers and chunk framing included. */
    private static String readFor(String token, long millis) throws Exception {
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
                        break;
                    }
                    all.write(buffer, 0, read);
                } catch (SocketTimeoutException quiet) {
                    break;
                }
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
