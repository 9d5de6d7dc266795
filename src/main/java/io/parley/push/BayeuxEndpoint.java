package io.parley.push;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.ParleyConfig;
import io.parley.api.JsonBody;
import io.parley.api.Replies;
import io.parley.auth.Caller;
import io.parley.auth.CsrfRefused;
import io.parley.auth.PushCredentials;
import io.parley.chat.StatusCode;
import io.parley.push.bayeux.Bayeux;
import io.parley.push.bayeux.BayeuxMessage;
import io.parley.push.bayeux.BayeuxUser;
import io.parley.push.bayeux.Connection;
import io.parley.store.Json;
import io.parley.store.RedisFailure;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The push endpoint's CometD (Bayeux 1.0) transports on {@code /api/v2/notifications}: long-polling
 * ({@code POST}, also on the sub-paths CometD clients append, such as {@code /meta/connect}) and WebSocket (an
 * upgrade of {@code GET}). Both carry the same messages to {@link BayeuxSessions}; this class only moves JSON.
 *
 * <p>Credentials come in the {@code Authorization} header of the request or upgrade (a bearer token, or Basic), as
 * the {@code JSESSIONID} session cookie with the session's CSRF token in an {@code X-CSRF-TOKEN} header (required on
 * every request over the cookie, as each one changes state), or in the handshake's {@code ext.access_token} (or
 * {@code ext.authorization}). Credentials that come with a later message, in either place, must be the session's
 * user's.
 *
 * <p>A long-polling handshake binds its session to the browser: the reply sets the {@code BAYEUX_BROWSER} cookie
 * (or the request already carried one), and every later message of that clientId must come with it. A session
 * handshaken over a WebSocket is bound to that socket. So a clientId that leaks (a log line, a proxy) is of no use
 * without the browser's cookie or the socket.
 */
@ApplicationScoped
public class BayeuxEndpoint {

    private static final Logger LOG = Logger.getLogger(BayeuxEndpoint.class);
    private static final String PATH = "/api/v2/notifications";
    /** CometD's own name for the cookie that tells one browser from another. */
    static final String BROWSER_COOKIE = "BAYEUX_BROWSER";
    private static final Pattern BROWSER_FORM = Pattern.compile("[0-9a-f]{32}");
    /** The WebSocket close status for a message larger than the server takes (RFC 6455). */
    private static final short MESSAGE_TOO_BIG = 1009;
    /** The WebSocket close status for a client shed for reading too slowly: it may come back at once. */
    private static final short TRY_AGAIN_LATER = 1013;

    /**
     * The user that the credentials of a request name (null when it has none), or the Bayeux error that refuses
     * them (invalid credentials, a session cookie without its CSRF token).
     */
    private record Credentials(BayeuxUser user, String error) {
        static final Credentials NONE = new Credentials(null, null);
        static final Credentials INVALID = new Credentials(null, Bayeux.AUTHENTICATION_FAILED);
    }

    private final ParleyConfig config;
    private final BayeuxSessions sessions;
    private final JWTParser tokens;
    private final PushCredentials pushCredentials;
    private final Json json;
    private final DeliveryMeter deliveries;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sockets = new AtomicLong();
    /** The cookie's path: the endpoint as browsers address it, below the public base URL's path if it has one. */
    private final String cookiePath;
    private final boolean publicHttps;

    BayeuxEndpoint(ParleyConfig config, BayeuxSessions sessions, JWTParser tokens, PushCredentials pushCredentials,
            Json json, DeliveryMeter deliveries) {
        this.deliveries = deliveries;
        this.config = config;
        this.pushCredentials = pushCredentials;
        this.sessions = sessions;
        this.tokens = tokens;
        this.json = json;
        URI base = config.publicBaseUrl().map(URI::create).orElse(null);
        String basePath = base == null || base.getRawPath() == null ? "" : base.getRawPath();
        this.cookiePath = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + PATH;
        this.publicHttps = base != null && "https".equalsIgnoreCase(base.getScheme());
    }

    void route(@Observes Router router) {
        if (!config.role().servesPush()) {
            return;
        }
        router.postWithRegex(PATH + "(/.*)?")
                .handler(BodyHandler.create(false).setBodyLimit(config.request().maxBytes()))
                .handler(this::longPoll);
        router.get(PATH).handler(this::upgrade);
    }

    /** Whether a request to the endpoint asks for a WebSocket rather than an event stream. */
    static boolean isUpgrade(HttpServerRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    private void longPoll(RoutingContext context) {
        credentials(context.request(), credentials -> longPoll(context, credentials),
                () -> respond(context, 503, List.of(Bayeux.rejected(Bayeux.UNAVAILABLE))));
    }

    private void longPoll(RoutingContext context, Credentials credentials) {
        Buffer body = context.body().buffer();
        // strict UTF-8, as on the REST endpoints: malformed bytes are refused rather than read as U+FFFD
        List<JsonNode> messages = body == null ? null : JsonBody.utf8(body.getBytes()).map(this::messages).orElse(null);
        String refusal = refusal(messages);
        if (refusal != null) {
            LOG.debugf("Bayeux request refused: %s", refusal);
            respond(context, 400, List.of(Bayeux.rejected(refusal)));
            return;
        }
        String cookie = browser(context.request());
        Connection arrival = Connection.longPolling(cookie);
        // a browser that has no cookie yet gets one with its first accepted handshake
        String browser = cookie != null ? cookie : randomHex();
        Origin origin = new Origin(credentials, null, arrival, Connection.longPolling(browser));
        AtomicBoolean handshaken = new AtomicBoolean();
        List<Runnable> cancels = Collections.synchronizedList(new ArrayList<>());
        List<Future<List<ObjectNode>>> replies = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            replies.add(process(message, origin, cancels::add, user -> handshaken.set(true)));
        }
        // a client that gave up on a held connect must not have its batch counted as sent
        context.response().closeHandler(closed -> List.copyOf(cancels).forEach(Runnable::run));
        Future.join(replies).onComplete(done -> {
            List<ObjectNode> all = new ArrayList<>();
            for (Future<List<ObjectNode>> reply : replies) {
                if (reply.succeeded()) {
                    all.addAll(reply.result());
                }
            }
            if (cookie == null && handshaken.get()) {
                context.response().addCookie(browserCookie(browser, context.request()));
            }
            if (!context.response().closed()) {
                deliveries.longPolling(all);
            }
            respond(context, 200, all);
        });
    }

    /**
     * The browser cookie: HttpOnly (no script needs it), SameSite=Strict (only the desktop's own pages send it; a
     * desktop served from another site could not use this endpoint without CORS anyway), for the endpoint's path
     * only, and Secure whenever the browser reached Parley over https. No expiry: it lasts as long as the browser.
     */
    private Cookie browserCookie(String browser, HttpServerRequest request) {
        return Cookie.cookie(BROWSER_COOKIE, browser).setPath(cookiePath).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(publicHttps || request.isSSL() || "https".equalsIgnoreCase(request.scheme()));
    }

    /** The request's browser cookie, if it has one of the form this endpoint sets. */
    private static String browser(HttpServerRequest request) {
        Cookie cookie = request.getCookie(BROWSER_COOKIE);
        return cookie != null && BROWSER_FORM.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }

    private void upgrade(RoutingContext context) {
        if (!isUpgrade(context.request())) {
            context.next();
            return;
        }
        credentials(context.request(), credentials -> upgrade(context, credentials),
                () -> refuseUpgrade(context, StatusCode.INTERNAL_ERROR, "Credentials cannot be checked for now"));
    }

    private void upgrade(RoutingContext context, Credentials credentials) {
        if (Bayeux.AUTHENTICATION_FAILED.equals(credentials.error())) {
            LOG.debug("WebSocket upgrade refused: invalid credentials");
            refuseUpgrade(context, StatusCode.NOT_AUTHENTICATED, Replies.CREDENTIALS_REQUIRED);
            return;
        }
        if (credentials.error() != null) {
            LOG.debug("WebSocket upgrade refused: session cookie without its CSRF token");
            refuseUpgrade(context, StatusCode.FORBIDDEN, new CsrfRefused().getMessage());
            return;
        }
        Connection arrival = Connection.webSocket(Long.toString(sockets.incrementAndGet()),
                browser(context.request()));
        context.request().toWebSocket()
                .onSuccess(socket -> new Socket(socket, credentials.user(), arrival, Vertx.currentContext()).listen())
                .onFailure(failure -> LOG.debugf("WebSocket upgrade failed: %s", failure.toString()));
    }

    private void refuseUpgrade(RoutingContext context, StatusCode statusCode, String message) {
        context.response().setStatusCode(Replies.httpStatus(statusCode))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json.write(new Replies.Failure(statusCode.code, message)));
    }

    /**
     * One WebSocket: frames of Bayeux messages in, replies out whenever they are ready. A client that does not
     * read what it asked for is shed: once more than {@code parley.notifications.max-unsent-bytes} wait unsent, the
     * socket is closed (1013, try again later) rather than buffered without bound, and the client's next handshake
     * resumes after what it acknowledged.
     */
    private final class Socket {
        private final ServerWebSocket socket;
        private final Connection arrival;
        /** The socket's event loop, where its writes happen, so that a full write queue shows right after one. */
        private final Context context;
        private volatile BayeuxUser user;
        private volatile Runnable cancelHeld;
        private volatile boolean shed;

        Socket(ServerWebSocket socket, BayeuxUser user, Connection arrival, Context context) {
            this.socket = socket;
            this.user = user;
            this.arrival = arrival;
            this.context = context;
            socket.setWriteQueueMaxSize(config.notifications().maxUnsentBytes());
        }

        void listen() {
            socket.textMessageHandler(this::onFrame);
            socket.exceptionHandler(failure -> {
                LOG.debugf("Bayeux WebSocket failed: %s", failure.toString());
                if (failure instanceof IllegalStateException && !socket.isClosed()) {
                    // how Vert.x reports a message over quarkus.http.websocket-server.max-message-size: it drops
                    // what it gathered and reads on, so the rest of that message would arrive as one of its own
                    socket.close(MESSAGE_TOO_BIG, "Message too big");
                }
            });
            socket.closeHandler(closed -> {
                Runnable cancel = cancelHeld;
                if (cancel != null) {
                    cancel.run();
                }
            });
        }

        private void onFrame(String frame) {
            if (shed) {
                return;
            }
            List<JsonNode> messages = messages(frame);
            String refusal = refusal(messages);
            if (refusal != null) {
                LOG.debugf("Bayeux frame refused: %s", refusal);
                send(List.of(Bayeux.rejected(refusal)));
                return;
            }
            // the socket's user: the upgrade's header, else the last handshake on it
            Origin origin = new Origin(new Credentials(user, null), user, arrival, arrival.binding());
            for (JsonNode message : messages) {
                // a client holds one connect at a time, so the latest one is the one to cancel on close
                process(message, origin, cancel -> cancelHeld = cancel, handshaken -> user = handshaken)
                        .onSuccess(this::send);
            }
        }

        private void send(List<ObjectNode> replies) {
            if (replies.isEmpty()) {
                return;
            }
            if (Vertx.currentContext() != context) {
                context.runOnContext(now -> send(replies));
                return;
            }
            if (shed || socket.isClosed()) {
                return;
            }
            if (!socket.writeQueueFull()) {
                socket.writeTextMessage(write(replies));
                deliveries.webSocket(replies);
            }
            if (socket.writeQueueFull()) {
                shed();
            }
        }

        /** The client reads too slowly: nothing more is written, and the close frame waits behind the rest. */
        private void shed() {
            shed = true;
            LOG.debugf("Closing a Bayeux WebSocket whose client left more than %d bytes unread",
                    config.notifications().maxUnsentBytes());
            Runnable cancel = cancelHeld;
            if (cancel != null) {
                cancel.run();
            }
            socket.close(TRY_AGAIN_LATER, "Too slow: handshake again");
        }
    }

    /**
     * Where the messages of one body or frame came from: the credentials of its request or upgrade, the user a
     * WebSocket handshook as before (null for long-polling), what they came through, and what a handshake among
     * them binds its session to.
     */
    private record Origin(Credentials header, BayeuxUser handshaken, Connection arrival, Connection binding) {
    }

    /**
     * One message of a batch. {@code onHold} learns how to cancel a held connect; {@code onHandshake} learns the
     * user of an accepted handshake (a WebSocket without an Authorization header is that user's from then on).
     * Credentials count wherever they are, in the header or in the message's {@code ext}: invalid ones get 401,
     * and those of another user than the session's, 402.
     */
    private Future<List<ObjectNode>> process(JsonNode node, Origin origin, Consumer<Runnable> onHold,
            Consumer<BayeuxUser> onHandshake) {
        BayeuxMessage message = BayeuxMessage.of(node);
        Credentials ext = extCredentials(message);
        if (origin.header().error() != null || ext.error() != null) {
            String error = origin.header().error() != null ? origin.header().error() : ext.error();
            return Future.succeededFuture(List.of(Bayeux.refused(message, error)));
        }
        List<BayeuxUser> claims = Stream.of(origin.header().user(), ext.user()).filter(Objects::nonNull).toList();
        if (!Bayeux.HANDSHAKE.equals(message.channel())) {
            return sessions.receive(message, claims, origin.arrival(), onHold);
        }
        BayeuxUser user = claims.isEmpty() ? origin.handshaken() : Bayeux.claimant(claims);
        return sessions.handshake(message, user, origin.binding()).map(reply -> {
            if (reply.path("successful").asBoolean(false)) {
                onHandshake.accept(user);
            }
            return List.of(reply);
        });
    }

    /** The credentials in a message's {@code ext}: {@code access_token}, else {@code authorization}. */
    private Credentials extCredentials(BayeuxMessage message) {
        String token = message.extText("access_token");
        if (token == null) {
            String authorization = message.extText("authorization");
            token = NotificationStreams.bearerHeader(authorization);
            if (token == null) {
                token = authorization;
            }
        }
        if (token == null) {
            return Credentials.NONE;
        }
        BayeuxUser user = user(token);
        return user == null ? Credentials.INVALID : new Credentials(user, null);
    }

    /**
     * The credentials of a request or upgrade, to {@code then} on the request's own event loop: a bearer token
     * (checked here), else Basic or the session cookie, whose CSRF header every CometD request must carry as all of
     * them change state ({@link PushCredentials}); {@code unavailable} when those could not be checked.
     */
    private void credentials(HttpServerRequest request, Consumer<Credentials> then, Runnable unavailable) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = NotificationStreams.bearerHeader(authorization);
        if (token != null) {
            BayeuxUser user = user(token);
            then.accept(user == null ? Credentials.INVALID : new Credentials(user, null));
            return;
        }
        Context loop = Vertx.currentContext();
        pushCredentials.resolve(request, true).subscribe().with(resolved -> loop.runOnContext(now -> {
            if (resolved.refusal() == StatusCode.FORBIDDEN) {
                then.accept(new Credentials(null, Bayeux.CSRF_REFUSED));
            } else if (resolved.refusal() != null) {
                then.accept(Credentials.INVALID);
            } else if (resolved.caller() != null) {
                then.accept(new Credentials(user(resolved.caller()), null));
            } else {
                // any other scheme is refused; no credentials at all may still come in the handshake's ext
                then.accept(authorization == null ? Credentials.NONE : Credentials.INVALID);
            }
        }), failure -> loop.runOnContext(now -> {
            LOG.warnf("Bayeux credentials could not be checked: %s", RedisFailure.describe(failure));
            unavailable.run();
        }));
    }

    private static BayeuxUser user(Caller caller) {
        return new BayeuxUser(caller.recipient().address(), NotificationStreams.channel(caller));
    }

    private BayeuxUser user(String token) {
        try {
            return user(Caller.of(tokens.parse(token)));
        } catch (ParseException | RuntimeException e) {
            LOG.debug("Bayeux credentials refused: invalid bearer token");
            return null;
        }
    }

    /** Why a body or frame is not a batch of Bayeux messages to process, or null when it is. */
    private String refusal(List<JsonNode> messages) {
        if (messages == null || messages.isEmpty() || !messages.stream().allMatch(JsonNode::isObject)) {
            return Bayeux.MALFORMED;
        }
        return messages.size() > config.notifications().bayeux().maxMessages() ? Bayeux.TOO_MANY : null;
    }

    /** The messages of a body or frame (a JSON array of them, or one object), or null when it is not JSON. */
    private List<JsonNode> messages(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode body = json.mapper().readTree(text);
            if (body == null) {
                return null;
            }
            if (body.isObject()) {
                return List.of(body);
            }
            if (!body.isArray()) {
                return null;
            }
            List<JsonNode> messages = new ArrayList<>(body.size());
            body.forEach(messages::add);
            return messages;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void respond(RoutingContext context, int status, List<ObjectNode> replies) {
        if (context.response().closed() || context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(write(replies));
    }

    private String write(List<ObjectNode> replies) {
        return json.write(replies);
    }

    private String randomHex() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
