package io.parley.push;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.api.Replies;
import io.parley.auth.Caller;
import io.parley.auth.PushCredentials;
import io.parley.chat.Recipient;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.parley.store.Keys;
import io.parley.store.RedisErrors;
import io.parley.store.RedisFailure;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.redis.client.Redis;

/**
 * The push endpoint's Server-Sent Events transport: {@code GET /api/v2/notifications}. Its open streams are
 * {@link Subscribers}, woken when Redis says their logs grew.
 */
@ApplicationScoped
public class NotificationStreams {

    private static final Logger LOG = Logger.getLogger(NotificationStreams.class);

    private final ParleyConfig config;
    private final Subscribers subscribers;
    private final JWTParser tokens;
    private final JWTAuthContextInfo verification;
    private final Keys keys;
    private final Json json;
    private final Redis redis;
    private final PushCredentials credentials;
    private final DeliveryMeter deliveries;
    private final RedisErrors redisErrors;

    NotificationStreams(ParleyConfig config, Subscribers subscribers, JWTParser tokens,
            JWTAuthContextInfo verification, Keys keys, Json json, Redis redis, PushCredentials credentials,
            DeliveryMeter deliveries, RedisErrors redisErrors) {
        this.credentials = credentials;
        this.deliveries = deliveries;
        this.redisErrors = redisErrors;
        this.config = config;
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.verification = verification;
        this.keys = keys;
        this.json = json;
        this.redis = redis;
    }

    void route(@Observes Router router) {
        if (!config.role().servesPush()) {
            return;
        }
        router.get("/api/v2/notifications").handler(this::open);
    }

    private void open(RoutingContext context) {
        if (BayeuxEndpoint.isUpgrade(context.request())) {
            // a CometD client's WebSocket, which BayeuxEndpoint takes
            context.next();
            return;
        }
        Context loop = Vertx.currentContext();
        credentials.resolve(context.request(), false).subscribe().with(
                resolved -> loop.runOnContext(now -> open(context, resolved)),
                failure -> loop.runOnContext(now -> {
                    redisErrors.failed(RedisErrors.During.stream);
                    LOG.warnf("Refusing a notification stream whose credentials could not be checked: %s",
                            RedisFailure.describe(failure));
                    fail(context, StatusCode.INTERNAL_ERROR, "Credentials cannot be checked for now; try again");
                }));
    }

    /** Opens the stream once Basic credentials or a session cookie are checked (or found absent). */
    private void open(RoutingContext context, PushCredentials.Resolved resolved) {
        if (resolved.refusal() != null) {
            fail(context, resolved.refusal(), resolved.message());
            return;
        }
        Caller caller = resolved.caller();
        if (caller == null) {
            try {
                // verified with the configured keys but not kept among VerifiedTokens (parse(String) would): a
                // stream authenticates once for hours, and 10,000 streams' tokens would crowd out the REST callers'
                caller = Caller.of(tokens.parse(bearer(context), verification));
            } catch (ParseException | RuntimeException e) {
                fail(context, StatusCode.NOT_AUTHENTICATED, Replies.CREDENTIALS_REQUIRED);
                return;
            }
        }
        String lastEventId = context.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = context.request().getParam("lastEventId");
        }
        if (lastEventId != null && !StreamIds.valid(lastEventId)) {
            fail(context, StatusCode.INVALID_INPUT, "Last-Event-ID must be an event id this stream sent");
            return;
        }
        // the stream lives for hours and keeps its request: it has no further use for the token (about 1 KB)
        context.request().headers().remove(HttpHeaders.AUTHORIZATION);
        Recipient recipient = caller.recipient();
        var response = context.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Accel-Buffering", "no");
        SseStream stream = new SseStream(response, recipient, new NotificationLog(redis, keys.log(recipient)),
                channel(caller), subscribers::subscription, new Backlog(config.notifications().maxUnsentBytes()),
                deliveries::sse);
        // among the subscribers before its position is read, so that nothing committed after that read goes unseen
        subscribers.add(stream);
        // Each stream keeps itself alive from its own event loop, at a random phase: one timer writing to every
        // stream at once held the wake-ups up for a quarter of a second at 5,000 streams (measured).
        long every = config.notifications().heartbeat().toMillis();
        long heartbeat = context.vertx().setPeriodic(ThreadLocalRandom.current().nextLong(1, every + 1), every,
                id -> stream.heartbeat(every));
        response.closeHandler(closed -> forget(context.vertx(), heartbeat, stream));
        response.exceptionHandler(failure -> forget(context.vertx(), heartbeat, stream));
        stream.start(lastEventId, failure -> {
            redisErrors.failed(RedisErrors.During.stream);
            LOG.warnf("Refusing a notification stream that could not read its log's position: %s",
                    RedisFailure.describe(failure));
            forget(context.vertx(), heartbeat, stream);
            fail(context, StatusCode.INTERNAL_ERROR, "Notifications are unavailable for now; connect again shortly");
        });
    }

    /**
     * The channel a caller's notifications travel on: the SSE event name and the one Bayeux channel the caller may
     * subscribe to. Agents have GWS's {@code /v2/me/chats}; a customer has the chat API's {@code /v2/chats}.
     */
    static String channel(Caller caller) {
        return caller.isCustomer() ? "/v2/chats" : "/v2/me/chats";
    }

    private void forget(Vertx vertx, long heartbeat, SseStream stream) {
        vertx.cancelTimer(heartbeat);
        stream.close();
        subscribers.remove(stream);
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerHeader(String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }

    /** The token from {@code Authorization: Bearer}, or from {@code access_token} for browsers' EventSource. */
    private static String bearer(RoutingContext context) {
        String header = bearerHeader(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (header != null) {
            return header;
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
