package io.parley.push;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

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
import io.parley.chat.StatusCode;
import io.parley.push.bayeux.Bayeux;
import io.parley.push.bayeux.BayeuxMessage;
import io.parley.push.bayeux.BayeuxUser;
import io.parley.store.Json;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
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
 * <p>The bearer token comes in the {@code Authorization} header of the request or upgrade, or in the handshake's
 * {@code ext.access_token} (or {@code ext.authorization}). Credentials that come with a later message must be
 * the session's user's.
 */
@ApplicationScoped
public class BayeuxEndpoint {

    private static final Logger LOG = Logger.getLogger(BayeuxEndpoint.class);
    private static final String PATH = "/api/v2/notifications";

    /** The user that the credentials of a request name (null when it has none), or invalid credentials. */
    private record Credentials(BayeuxUser user, boolean invalid) {
        static final Credentials NONE = new Credentials(null, false);
        static final Credentials INVALID = new Credentials(null, true);
    }

    private final ParleyConfig config;
    private final BayeuxSessions sessions;
    private final JWTParser tokens;
    private final Json json;

    BayeuxEndpoint(ParleyConfig config, BayeuxSessions sessions, JWTParser tokens, Json json) {
        this.config = config;
        this.sessions = sessions;
        this.tokens = tokens;
        this.json = json;
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
        Credentials credentials = credentials(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        Buffer body = context.body().buffer();
        // strict UTF-8, as on the REST endpoints: malformed bytes are refused rather than read as U+FFFD
        List<JsonNode> messages = body == null ? null : JsonBody.utf8(body.getBytes()).map(this::messages).orElse(null);
        String refusal = refusal(messages);
        if (refusal != null) {
            LOG.debugf("Bayeux request refused: %s", refusal);
            respond(context, 400, List.of(Bayeux.rejected(refusal)));
            return;
        }
        List<Runnable> cancels = Collections.synchronizedList(new ArrayList<>());
        List<Future<List<ObjectNode>>> replies = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            replies.add(process(message, credentials, cancels::add, user -> {
            }));
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
            respond(context, 200, all);
        });
    }

    private void upgrade(RoutingContext context) {
        if (!isUpgrade(context.request())) {
            context.next();
            return;
        }
        Credentials credentials = credentials(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.invalid()) {
            LOG.debug("WebSocket upgrade refused: invalid bearer token");
            context.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.write(new Replies.Failure(StatusCode.NOT_AUTHENTICATED.code,
                            "A valid bearer token is required")));
            return;
        }
        context.request().toWebSocket()
                .onSuccess(socket -> new Socket(socket, credentials.user()).listen())
                .onFailure(failure -> LOG.debugf("WebSocket upgrade failed: %s", failure.toString()));
    }

    /** One WebSocket: frames of Bayeux messages in, replies out whenever they are ready. */
    private final class Socket {
        private final ServerWebSocket socket;
        private volatile BayeuxUser user;
        private volatile Runnable cancelHeld;

        Socket(ServerWebSocket socket, BayeuxUser user) {
            this.socket = socket;
            this.user = user;
        }

        void listen() {
            socket.textMessageHandler(this::onFrame);
            socket.exceptionHandler(failure -> LOG.debugf("Bayeux WebSocket failed: %s", failure.toString()));
            socket.closeHandler(closed -> {
                Runnable cancel = cancelHeld;
                if (cancel != null) {
                    cancel.run();
                }
            });
        }

        private void onFrame(String frame) {
            List<JsonNode> messages = messages(frame);
            String refusal = refusal(messages);
            if (refusal != null) {
                LOG.debugf("Bayeux frame refused: %s", refusal);
                send(List.of(Bayeux.rejected(refusal)));
                return;
            }
            Credentials credentials = new Credentials(user, false);
            for (JsonNode message : messages) {
                // a client holds one connect at a time, so the latest one is the one to cancel on close
                process(message, credentials, cancel -> cancelHeld = cancel, handshaken -> user = handshaken)
                        .onSuccess(this::send);
            }
        }

        private void send(List<ObjectNode> replies) {
            if (!replies.isEmpty() && !socket.isClosed()) {
                socket.writeTextMessage(write(replies));
            }
        }
    }

    /**
     * One message of a batch. {@code onHold} learns how to cancel a held connect; {@code onHandshake} learns the
     * user of an accepted handshake (a WebSocket without an Authorization header is that user's from then on).
     */
    private Future<List<ObjectNode>> process(JsonNode node, Credentials credentials, Consumer<Runnable> onHold,
            Consumer<BayeuxUser> onHandshake) {
        BayeuxMessage message = BayeuxMessage.of(node);
        if (credentials.invalid()) {
            return Future.succeededFuture(List.of(Bayeux.unauthenticated(message)));
        }
        if (!Bayeux.HANDSHAKE.equals(message.channel())) {
            return sessions.receive(message, credentials.user(), onHold);
        }
        BayeuxUser user = credentials.user() != null ? credentials.user() : extUser(message);
        return sessions.handshake(message, user).map(reply -> {
            if (reply.path("successful").asBoolean(false)) {
                onHandshake.accept(user);
            }
            return List.of(reply);
        });
    }

    /** The user of a token in the handshake's {@code ext}, or null. */
    private BayeuxUser extUser(BayeuxMessage message) {
        String token = message.extText("access_token");
        if (token == null) {
            String authorization = message.extText("authorization");
            token = NotificationStreams.bearerHeader(authorization);
            if (token == null) {
                token = authorization;
            }
        }
        return token == null ? null : user(token);
    }

    private Credentials credentials(String authorization) {
        if (authorization == null) {
            return Credentials.NONE;
        }
        String token = NotificationStreams.bearerHeader(authorization);
        BayeuxUser user = token == null ? null : user(token);
        return user == null ? Credentials.INVALID : new Credentials(user, false);
    }

    private BayeuxUser user(String token) {
        try {
            Caller caller = Caller.of(tokens.parse(token));
            return new BayeuxUser(caller.recipient().address(), NotificationStreams.channel(caller));
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
}
