package io.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A CometD client driven message by message over a WebSocket (the JDK's client): each frame it sends is a batch of
 * Bayeux messages, and the server's frames queue up as they arrive.
 */
public final class BayeuxSocket implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private String clientId;

    private BayeuxSocket(String token, String browser) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (browser != null) {
            builder.header("Cookie", LongPoll.COOKIE + "=" + browser);
        }
        URI uri = URI.create("ws://localhost:" + RestAssured.port + "/api/v2/notifications");
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens a WebSocket with the token in the upgrade's Authorization header (null: none). */
    public static BayeuxSocket open(String token) {
        return new BayeuxSocket(token, null);
    }

    /** Opens a WebSocket whose upgrade carries a browser cookie too. */
    public static BayeuxSocket open(String token, String browser) {
        return new BayeuxSocket(token, browser);
    }

    /** Handshakes (with the acknowledge extension when {@code acks}) and subscribes to the user's channel. */
    public static BayeuxSocket subscribed(String token, boolean acks) {
        BayeuxSocket client = open(token);
        JsonObject reply = client.handshake(acks);
        assertEquals(true, reply.getBoolean("successful"), reply.encode());
        JsonObject subscribed = client.send("{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + client.clientId
                + "\",\"subscription\":\"" + LongPoll.CHANNEL + "\"}").getJsonObject(0);
        assertEquals(true, subscribed.getBoolean("successful"), subscribed.encode());
        return client;
    }

    public JsonObject handshake(boolean acks) {
        JsonObject reply = send("{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"websocket\"]" + (acks ? ",\"ext\":{\"ack\":true}" : "") + "}")
                .getJsonObject(0);
        if (reply.getBoolean("successful", false)) {
            clientId = reply.getString("clientId");
        }
        return reply;
    }

    /** A connect answered at once (advice timeout 0), acknowledging batch {@code ack} (null: no ext). */
    public JsonArray connect(Long ack) {
        return send(connectMessage(clientId, ack));
    }

    /** The connect message of {@code clientId}, to be answered at once. */
    public static String connectMessage(String clientId, Long ack) {
        return "{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId
                + "\",\"connectionType\":\"websocket\",\"advice\":{\"timeout\":0}"
                + (ack == null ? "" : ",\"ext\":{\"ack\":" + ack + "}") + "}";
    }

    /** Sends one message or a JSON array of them as one frame, and returns the next frame the server sends. */
    public JsonArray send(String messages) {
        sendFrame(messages.startsWith("[") ? messages : "[" + messages + "]");
        return next(Duration.ofSeconds(10));
    }

    public void sendFrame(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one text message in several frames (continuation frames after the first). */
    public void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    /** The next frame the server sends. */
    public JsonArray next(Duration timeout) {
        try {
            String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("No frame from the server within " + timeout
                        + (closed.isDone() ? "; closed with " + closed.getNow(null) : ""));
            }
            return new JsonArray(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The status code the server closed the socket with, waiting up to {@code timeout}. */
    public int closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public String clientId() {
        return clientId;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
