package io.parley.push.bayeux;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The server side of Bayeux 1.0 as Parley speaks it, without I/O: what to answer to each incoming message and
 * how a client's session changes. The transports (long-polling, WebSocket) and the notification log are the
 * caller's business; a connect is answered with a {@link Step.Hold}, which the caller completes when notifications
 * arrive or the timeout passes.
 *
 * <p>Errors use Bayeux's {@code code:args:message} strings: 400 for a missing or unknown field, 401 for a
 * handshake without valid credentials, 402 for a clientId this server does not know for this browser or socket and
 * this user, 403 for a channel the user may not subscribe or publish to.
 */
public final class Bayeux {

    public static final String VERSION = "1.0";
    public static final String HANDSHAKE = "/meta/handshake";
    public static final String CONNECT = "/meta/connect";
    public static final String SUBSCRIBE = "/meta/subscribe";
    public static final String UNSUBSCRIBE = "/meta/unsubscribe";
    public static final String DISCONNECT = "/meta/disconnect";
    public static final String WEBSOCKET = "websocket";
    public static final String LONG_POLLING = "long-polling";
    public static final List<String> TRANSPORTS = List.of(WEBSOCKET, LONG_POLLING);

    public static final String UNKNOWN_CLIENT = "402::Unknown client";
    public static final String AUTHENTICATION_FAILED = "401::Authentication failed";
    /** A message that rode on a session cookie without the session's CSRF token (an HTTP header of its request). */
    public static final String CSRF_REFUSED = "403::Missing or invalid CSRF token";
    public static final String UNKNOWN_TRANSPORT = "400::Unknown transport";
    public static final String MALFORMED = "400::Malformed message";
    public static final String TOO_MANY = "400::Too many messages";
    public static final String UNAVAILABLE = "503::Notifications unavailable";

    /** Channel names and other values that may be echoed inside an error string. */
    private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9/_.*-]{1,200}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The advice Parley gives: poll again after {@code interval}; a connect is held for up to {@code timeout}; a
     * client silent for longer than {@code timeout + maxInterval} is gone and its session is dropped.
     */
    public record Settings(long timeout, long interval, long maxInterval) {
    }

    /** What to do with one incoming message. */
    public sealed interface Step {

        ObjectNode reply();

        /** Answer now; {@code session} is the session from here on (null when the message had none). */
        record Answer(ObjectNode reply, BayeuxSession session) implements Step {
        }

        /** The client said goodbye: answer, and forget its session. */
        record Disconnected(ObjectNode reply, String clientId) implements Step {
        }

        /**
         * A connect: send the notifications after {@code session.cursor()} when there are any (or at once when
         * {@code timeout} is 0), else wait up to {@code timeout} for some; then answer with {@link #connected}.
         */
        record Hold(ObjectNode reply, BayeuxSession session, long timeout) implements Step {
        }
    }

    private Bayeux() {
    }

    /**
     * The one user the credentials of a handshake name, wherever they came (the request's or upgrade's header, the
     * handshake's {@code ext}): null when there are none, or when they name different users, which authenticates
     * nobody.
     */
    public static BayeuxUser claimant(List<BayeuxUser> claims) {
        if (claims.isEmpty() || claims.stream().map(BayeuxUser::address).distinct().count() > 1) {
            return null;
        }
        return claims.getFirst();
    }

    /** Why a handshake cannot be accepted, or empty when it can. */
    public static Optional<ObjectNode> refuseHandshake(BayeuxMessage message, BayeuxUser user) {
        String error = null;
        if (message.version() == null) {
            error = missing("version");
        } else if (message.supportedConnectionTypes() == null) {
            error = missing("supportedConnectionTypes");
        } else if (user == null) {
            error = AUTHENTICATION_FAILED;
        } else if (message.supportedConnectionTypes().stream().noneMatch(TRANSPORTS::contains)) {
            error = UNKNOWN_TRANSPORT;
        }
        if (error == null) {
            return Optional.empty();
        }
        ObjectNode reply = failure(message, HANDSHAKE, error, "none");
        reply.put("version", VERSION);
        supportedConnectionTypes(reply);
        return Optional.of(reply);
    }

    /**
     * Accepts a handshake that {@link #refuseHandshake} did not refuse: a new session for {@code user} under
     * {@code clientId}, bound to {@code bound} ({@link Connection#binding}), delivering what the log holds after
     * {@code start}.
     */
    public static Step.Answer handshake(BayeuxMessage message, BayeuxUser user, String clientId, String start,
            Connection bound, Settings settings) {
        boolean acks = message.asksForAcks();
        ObjectNode reply = reply(message, HANDSHAKE);
        reply.put("successful", true);
        reply.put("version", VERSION);
        supportedConnectionTypes(reply);
        reply.put("clientId", clientId);
        reply.set("advice", advice("retry", settings));
        if (acks) {
            reply.putObject("ext").put("ack", true);
        }
        return new Step.Answer(reply, BayeuxSession.start(clientId, user, bound, acks, start));
    }

    /**
     * Any message but a handshake. {@code session} is the one its clientId names (null when unknown);
     * {@code requesters} the users whose credentials came with the message, wherever they came; {@code arrival}
     * what it came through. A clientId is as unknown as a made-up one to another browser or WebSocket than its
     * session's, and under credentials of another user: the clientId alone authenticates nobody.
     */
    public static Step receive(BayeuxSession session, BayeuxMessage message, List<BayeuxUser> requesters,
            Connection arrival, Settings settings) {
        String channel = message.channel();
        if (channel == null) {
            return new Step.Answer(failure(message, null, missing("channel"), null), session);
        }
        if (HANDSHAKE.equals(channel)) {
            throw new IllegalArgumentException("A handshake is answered by handshake()");
        }
        if (session == null || !session.bound().admits(arrival)
                || requesters.stream().anyMatch(requester -> !requester.address().equals(session.user().address()))) {
            ObjectNode reply = failure(message, channel, UNKNOWN_CLIENT, null);
            reply.set("advice", NODES.objectNode().put("reconnect", "handshake").put("interval", 0));
            return new Step.Answer(reply, null);
        }
        return switch (channel) {
            case CONNECT -> connect(session, message, settings);
            case SUBSCRIBE -> subscribe(session, message, true);
            case UNSUBSCRIBE -> subscribe(session, message, false);
            case DISCONNECT -> {
                ObjectNode reply = reply(message, channel);
                reply.put("successful", true);
                yield new Step.Disconnected(reply, session.clientId());
            }
            default -> new Step.Answer(failure(message, channel, channel.startsWith("/meta/")
                    ? "400:" + echo(channel) + ":Unknown channel"
                    : "403:" + echo(channel) + ":Publish forbidden", null), session);
        };
    }

    private static Step connect(BayeuxSession session, BayeuxMessage message, Settings settings) {
        String type = message.connectionType();
        if (type == null) {
            return new Step.Answer(failure(message, CONNECT, missing("connectionType"), null), session);
        }
        if (!TRANSPORTS.contains(type)) {
            return new Step.Answer(failure(message, CONNECT, UNKNOWN_TRANSPORT, null), session);
        }
        // with acks, a connect always carries the last batch the client received; anything after it is resent
        Long received = message.acknowledgedBatch();
        BayeuxSession next = session.acknowledge(received == null ? -1 : received);
        long timeout = settings.timeout();
        if (message.adviceTimeout() != null && message.adviceTimeout() >= 0) {
            // a client asks for 0 on its first connect, to learn at once that it is connected
            timeout = Math.min(timeout, message.adviceTimeout());
        }
        ObjectNode reply = reply(message, CONNECT);
        reply.put("successful", true);
        reply.set("advice", advice("retry", settings));
        return new Step.Hold(reply, next, timeout);
    }

    private static Step subscribe(BayeuxSession session, BayeuxMessage message, boolean on) {
        String channel = on ? SUBSCRIBE : UNSUBSCRIBE;
        String subscription = message.subscription();
        if (subscription == null) {
            return new Step.Answer(failure(message, channel, missing("subscription"), null), session);
        }
        if (!session.user().mayFollow(subscription)) {
            String error = on ? "403:" + echo(subscription) + ":Subscription forbidden"
                    : "400:" + echo(subscription) + ":Not subscribed";
            ObjectNode reply = failure(message, channel, error, null);
            reply.put("subscription", subscription);
            return new Step.Answer(reply, session);
        }
        ObjectNode reply = reply(message, channel);
        reply.put("successful", true);
        reply.put("subscription", subscription);
        return new Step.Answer(reply, session.subscribed(on));
    }

    /**
     * The answer to a held connect, once {@code session} has sent its batch ({@link BayeuxSession#sent}): the
     * batch number rides in {@code ext.ack} for a client that acknowledges.
     */
    public static ObjectNode connected(ObjectNode heldReply, BayeuxSession session) {
        ObjectNode reply = heldReply.deepCopy();
        if (session.acks()) {
            reply.putObject("ext").put("ack", session.batch());
        }
        return reply;
    }

    /** One notification as a Bayeux message: its log id as the message id, its JSON unmodified as the data. */
    public static ObjectNode delivery(String channel, String entryId, String json) {
        ObjectNode message = NODES.objectNode();
        message.put("channel", channel);
        message.put("id", entryId);
        message.putRawValue("data", new RawValue(json));
        return message;
    }

    /** Any message sent with credentials that are not valid: the client must not retry with them. */
    public static ObjectNode unauthenticated(BayeuxMessage message) {
        return failure(message, message.channel(), AUTHENTICATION_FAILED, "none");
    }

    /** Any message whose request's credentials were refused ({@link #AUTHENTICATION_FAILED}, {@link #CSRF_REFUSED}). */
    public static ObjectNode refused(BayeuxMessage message, String error) {
        return failure(message, message.channel(), error, "none");
    }

    /** A handshake that could not be served now (the log is unreachable): the client tries again later. */
    public static ObjectNode unavailable(BayeuxMessage message) {
        ObjectNode reply = failure(message, HANDSHAKE, UNAVAILABLE, "handshake");
        reply.put("version", VERSION);
        return reply;
    }

    /** The answer to a body or frame that is not Bayeux messages ({@link #MALFORMED}, {@link #TOO_MANY}). */
    public static ObjectNode rejected(String error) {
        ObjectNode reply = NODES.objectNode();
        reply.put("successful", false);
        reply.put("error", error);
        return reply;
    }

    private static ObjectNode reply(BayeuxMessage message, String channel) {
        ObjectNode reply = NODES.objectNode();
        if (channel != null) {
            reply.put("channel", channel);
        }
        if (message.id() != null) {
            reply.put("id", message.id());
        }
        if (message.clientId() != null && !HANDSHAKE.equals(channel)) {
            reply.put("clientId", message.clientId());
        }
        return reply;
    }

    private static ObjectNode failure(BayeuxMessage message, String channel, String error, String reconnect) {
        ObjectNode reply = reply(message, channel);
        reply.put("successful", false);
        reply.put("error", error);
        if (reconnect != null) {
            reply.set("advice", NODES.objectNode().put("reconnect", reconnect));
        }
        return reply;
    }

    private static ObjectNode advice(String reconnect, Settings settings) {
        return NODES.objectNode().put("reconnect", reconnect).put("interval", settings.interval())
                .put("timeout", settings.timeout()).put("maxInterval", settings.maxInterval());
    }

    private static void supportedConnectionTypes(ObjectNode reply) {
        var types = reply.putArray("supportedConnectionTypes");
        TRANSPORTS.forEach(types::add);
    }

    private static String missing(String field) {
        return "400:" + field + ":Missing field";
    }

    private static String echo(String value) {
        return ECHOABLE.matcher(value).matches() ? value : "";
    }
}
