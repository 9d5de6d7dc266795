package io.parley.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.api.Replies;
import io.parley.auth.Caller;
import io.parley.chat.Recipient;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.parley.store.Keys;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.redis.client.Redis;

/**
 * The push endpoint's Server-Sent Events transport: {@code GET /api/v2/notifications}. Holds the open streams by
 * recipient and wakes them when Redis says their logs grew.
 */
@ApplicationScoped
public class NotificationStreams {

    private static final Logger LOG = Logger.getLogger(NotificationStreams.class);

    private final Map<String, Set<SseStream>> streams = new ConcurrentHashMap<>();
    private final ParleyConfig config;
    private final JWTParser tokens;
    private final Keys keys;
    private final Json json;
    private final Redis redis;

    NotificationStreams(ParleyConfig config, JWTParser tokens, Keys keys, Json json, Redis redis) {
        this.config = config;
        this.tokens = tokens;
        this.keys = keys;
        this.json = json;
        this.redis = redis;
    }

    void route(@Observes Router router, Vertx vertx) {
        if (!config.role().servesPush()) {
            return;
        }
        router.get("/api/v2/notifications").handler(this::open);
        long every = config.notifications().heartbeat().toMillis();
        vertx.setPeriodic(every, every, id -> all(SseStream::heartbeat));
    }

    private void open(RoutingContext context) {
        Caller caller;
        try {
            caller = Caller.of(tokens.parse(bearer(context)));
        } catch (ParseException | RuntimeException e) {
            fail(context, StatusCode.NOT_AUTHENTICATED, "A valid bearer token is required");
            return;
        }
        String lastEventId = context.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = context.request().getParam("lastEventId");
        }
        if (lastEventId != null && !StreamIds.valid(lastEventId)) {
            fail(context, StatusCode.INVALID_INPUT, "Last-Event-ID must be an event id this stream sent");
            return;
        }
        Recipient recipient = caller.recipient();
        var response = context.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Accel-Buffering", "no");
        SseStream stream = new SseStream(response, recipient, keys.log(recipient),
                caller.isCustomer() ? "/v2/chats" : "/v2/me/chats", redis);
        streams.computeIfAbsent(recipient.address(), a -> ConcurrentHashMap.newKeySet()).add(stream);
        response.closeHandler(closed -> forget(stream));
        response.exceptionHandler(failure -> forget(stream));
        // the comment line commits the headers, so the client knows it is subscribed from here on
        response.write(": subscribed\n\n");
        stream.start(lastEventId);
    }

    /** Wakes the streams of the given recipients (their logs grew). */
    public void wake(String address) {
        Set<SseStream> open = streams.get(address);
        if (open != null) {
            open.forEach(SseStream::wake);
        }
    }

    /** Wakes every stream: after a lost subscription, any of them may have missed a wake-up. */
    public void wakeAll() {
        all(SseStream::wake);
    }

    public int connections() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void all(java.util.function.Consumer<SseStream> action) {
        streams.values().forEach(set -> set.forEach(action));
    }

    private void forget(SseStream stream) {
        stream.close();
        streams.computeIfPresent(stream.recipient().address(), (address, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /** The token from {@code Authorization: Bearer}, or from {@code access_token} for browsers' EventSource. */
    private static String bearer(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String query = context.request().getParam("access_token");
        if (query == null) {
            throw new IllegalArgumentException("no token");
        }
        return query;
    }

    private void fail(RoutingContext context, StatusCode statusCode, String message) {
        LOG.debugf("Notification stream refused: %s", message);
        context.response()
                .setStatusCode(Replies.httpStatus(statusCode))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json.write(new Replies.Failure(statusCode.code, message)));
    }
}
