package io.parley.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookie;

import io.parley.contract.Contract;
import io.vertx.core.json.JsonObject;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/**
 * The stock CometD Java client (BayeuxClient) as a GWS desktop runs it, over long-polling or WebSocket, with the
 * bearer token in the HTTP header or in the handshake's {@code ext}; it queues what arrives on the channels it
 * subscribes to.
 */
public final class CometdClient implements AutoCloseable {

    public enum Transport {
        LONG_POLLING, WEBSOCKET
    }

    public enum TokenIn {
        HEADER, HANDSHAKE_EXT
    }

    /** One message received on a subscribed channel: the Bayeux message id (the log id) and its data. */
    public record Received(String channel, String id, JsonObject json) {
    }

    private final BayeuxClient client;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** HTTP headers of every long-polling request and of the WebSocket upgrade. */
    private final Map<String, String> headers;
    /** The handshake's {@code ext}, or null. */
    private final Map<String, Object> handshakeExt;
    private final Map<String, ClientSessionChannel.MessageListener> listeners = new ConcurrentHashMap<>();

    private CometdClient(String url, Transport transport, String token, TokenIn tokenIn, boolean acks) {
        this(url, transport, tokenIn == TokenIn.HEADER ? Map.of("Authorization", "Bearer " + token) : Map.of(),
                tokenIn == TokenIn.HANDSHAKE_EXT ? Map.<String, Object>of("access_token", token) : null, acks);
    }

    private CometdClient(String url, Transport transport, Map<String, String> headers,
            Map<String, Object> handshakeExt, boolean acks) {
        this.headers = Map.copyOf(headers);
        this.handshakeExt = handshakeExt;
        this.http = new HttpClient();
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ClientTransport chosen = switch (transport) {
            case LONG_POLLING -> new JettyHttpClientTransport(new HashMap<>(), http) {
                @Override
                protected void customize(Request request) {
                    request.headers(sent -> headers.forEach(sent::put));
                }
            };
            case WEBSOCKET -> {
                WebSocketContainer container = ContainerProvider.getWebSocketContainer();
                yield new WebSocketTransport(new HashMap<>(), scheduler, container) {
                    @Override
                    protected void onHandshakeRequest(Map<String, List<String>> upgrade) {
                        super.onHandshakeRequest(upgrade);
                        headers.forEach((name, value) -> upgrade.put(name, List.of(value)));
                    }
                };
            }
        };
        client = new BayeuxClient(url, scheduler, chosen);
        if (acks) {
            client.addExtension(new AckExtension());
        }
    }

    /** Handshakes (waiting until connected) and subscribes to {@code channel}. */
    public static CometdClient connect(String url, Transport transport, String token, TokenIn tokenIn,
            boolean acks, String channel) {
        CometdClient client = new CometdClient(url, transport, token, tokenIn, acks);
        Message reply = client.handshake();
        if (!reply.isSuccessful()) {
            client.close();
            throw new AssertionError("Handshake refused: " + reply);
        }
        Message subscribed = client.subscribe(channel);
        if (!subscribed.isSuccessful()) {
            client.close();
            throw new AssertionError("Subscription refused: " + subscribed);
        }
        return client;
    }

    /**
     * A client that has not handshaken yet and sends {@code headers} with every request (or its WebSocket upgrade)
     * and {@code cookies} as a browser that holds them would: credentials other than a bearer token, such as
     * Basic, or a session cookie with its CSRF header.
     */
    public static CometdClient create(String url, Transport transport, Map<String, String> headers,
            Map<String, String> cookies, boolean acks) {
        CometdClient client = new CometdClient(url, transport, headers, null, acks);
        cookies.forEach((name, value) -> client.client.putCookie(HttpCookie.build(name, value).path("/").build()));
        return client;
    }

    /** A client that has not handshaken yet. */
    public static CometdClient create(String url, Transport transport, String token, TokenIn tokenIn, boolean acks) {
        return new CometdClient(url, transport, token, tokenIn, acks);
    }

    public Message handshake() {
        Map<String, Object> fields = new HashMap<>();
        if (handshakeExt != null) {
            fields.put("ext", new HashMap<>(handshakeExt));
        }
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.handshake(fields, reply::complete);
        Message message = await(reply);
        if (message.isSuccessful() && !client.waitFor(10_000, BayeuxClient.State.CONNECTED)) {
            throw new AssertionError("Not connected after the handshake");
        }
        return message;
    }

    public Message subscribe(String channel) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        ClientSessionChannel.MessageListener listener = (ch, message) -> {
            // a wildcard listener ("/**") also hears the client's own meta replies while its refusal is on the
            // way: those are protocol traffic, not notifications
            if (!message.getChannel().startsWith("/meta/")) {
                received.add(new Received(message.getChannel(), message.getId(), message.getData() == null
                        ? new JsonObject().put("unexpected", message.toString())
                        : new JsonObject(io.vertx.core.json.Json.encode(message.getDataAsMap()))));
            }
        };
        listeners.put(channel, listener);
        client.getChannel(channel).subscribe(listener, reply::complete);
        return await(reply);
    }

    /** Removes this client's listener of {@code channel}, which sends {@code /meta/unsubscribe}; its reply. */
    public Message unsubscribe(String channel) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.getChannel(channel).unsubscribe(listeners.remove(channel), reply::complete);
        return await(reply);
    }

    public String clientId() {
        return client.getId();
    }

    /** The browser cookie the server set, as the client keeps it for its later requests, or null. */
    public String browserCookie() {
        var cookie = client.getCookie(LongPoll.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    public BayeuxClient bayeux() {
        return client;
    }

    public Received next() {
        return next(Duration.ofSeconds(10));
    }

    public Received next(Duration timeout) {
        try {
            Received message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No CometD message within " + timeout);
            }
            Contract.requireNotification(message.channel(), message.json() == null ? null : message.json().encode());
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whatever arrives within {@code quiet}. */
    public List<Received> drain(Duration quiet) {
        List<Received> rest = new ArrayList<>();
        try {
            Received message;
            while ((message = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                Contract.requireNotification(message.channel(), message.json() == null ? null : message.json().encode());
                rest.add(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rest;
    }

    /** Drops the connection the way a crashed desktop does: no /meta/disconnect. */
    public void abort() {
        client.abort();
    }

    @Override
    public void close() {
        try {
            if (!client.isDisconnected()) {
                client.disconnect(5_000);
            }
        } finally {
            scheduler.shutdownNow();
            try {
                http.stop();
            } catch (Exception e) {
                // stopping a client that failed to start
            }
        }
    }

    private static Message await(CompletableFuture<Message> reply) {
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("No reply within 10 s", e);
        }
    }
}
