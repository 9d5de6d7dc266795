package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.api.NoStackTraces;
import io.parley.support.Parley;
import io.parley.support.RawWebSocket;
import io.parley.support.SmallRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * CometD over WebSocket takes no more than {@code parley.request.max-bytes} at once, as long-polling does: a frame or
 * a message (in any number of frames) up to it is served, a larger one closes the socket with 1009.
 */
@QuarkusTest
@TestProfile(SmallRequests.class)
@ExtendWith(NoStackTraces.class)
class CometdWebSocketLimitsTest {

    static final int LIMIT = SmallRequests.MAX_BYTES;

    @Test
    void aMessageOfTheLimitIsServedInOneFrameOrSeveral() {
        try (RawWebSocket socket = RawWebSocket.open(Parley.createAgent("large").token(), 0)) {
            socket.send(handshakeOf(LIMIT));
            assertHandshaken(socket.read());
            sendInThirds(socket, handshakeOf(LIMIT));
            assertHandshaken(socket.read());
        }
    }

    @Test
    void aLargerFrameClosesTheSocket() {
        try (RawWebSocket socket = RawWebSocket.open(Parley.createAgent("huge").token(), 0)) {
            socket.send(handshakeOf(LIMIT + 1));
            // the server refuses the frame by its header, before reading it: it answers 1009 and closes, and
            // with the frame's bytes unread the close may reach this client as a reset instead
            RawWebSocket.Frame answer = socket.read();
            assertTrue(answer == null || answer.opcode() == RawWebSocket.Frame.CLOSE && answer.closeCode() == 1009,
                    () -> "served: " + answer.text());
            assertNull(socket.read());
        }
    }

    @Test
    void aLargerMessageInSmallerFramesClosesTheSocket() {
        try (RawWebSocket socket = RawWebSocket.open(Parley.createAgent("pieces").token(), 0)) {
            sendInThirds(socket, handshakeOf(LIMIT + 1));
            assertEquals(1009, socket.readToEnd(10_000));
        }
    }

    private static void assertHandshaken(RawWebSocket.Frame frame) {
        assertEquals(RawWebSocket.Frame.TEXT, frame.opcode());
        JsonObject reply = new JsonArray(frame.text()).getJsonObject(0);
        assertEquals("/meta/handshake", reply.getString("channel"));
        assertEquals(true, reply.getBoolean("successful"), reply.encode());
    }

    private static void sendInThirds(RawWebSocket socket, String message) {
        int third = message.length() / 3;
        socket.sendFrame(message.substring(0, third), true, false);
        socket.sendFrame(message.substring(third, 2 * third), false, false);
        socket.sendFrame(message.substring(2 * third), false, true);
    }

    /** A handshake (as a one-message batch) padded to exactly {@code bytes} bytes. */
    static String handshakeOf(int bytes) {
        String head = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"websocket\"],\"ext\":{\"pad\":\"";
        String tail = "\"}}]";
        String message = head + "x".repeat(bytes - head.length() - tail.length()) + tail;
        assertEquals(bytes, message.getBytes(StandardCharsets.UTF_8).length);
        return message;
    }
}
