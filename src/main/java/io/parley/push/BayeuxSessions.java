package io.parley.push;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.ParleyConfig;
import io.parley.chat.Recipient;
import io.parley.push.bayeux.Bayeux;
import io.parley.push.bayeux.BayeuxMessage;
import io.parley.push.bayeux.BayeuxUser;
import io.parley.push.bayeux.Connection;
import io.parley.store.Keys;
import io.parley.store.RedisFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * The Bayeux sessions of this push instance by clientId. A clientId is 128 random bits, bound to the user of the
 * handshake that created it and to the browser or WebSocket it came through. Sessions live in memory only: after a
 * restart clients handshake again, and a client that acknowledges resumes from the last position its user
 * acknowledged, which is kept in Redis.
 */
@ApplicationScoped
public class BayeuxSessions {

    private static final Logger LOG = Logger.getLogger(BayeuxSessions.class);

    private final Map<String, OpenSession> byClientId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Subscribers subscribers;
    private final AcknowledgedPositions positions;
    private final Keys keys;
    private final Redis redis;
    private final Vertx vertx;
    private final Bayeux.Settings settings;
    private final int maxBatchBytes;

    BayeuxSessions(Subscribers subscribers, AcknowledgedPositions positions, Keys keys, Redis redis, Vertx vertx,
            ParleyConfig config) {
        this.subscribers = subscribers;
        this.positions = positions;
        this.keys = keys;
        this.redis = redis;
        this.vertx = vertx;
        var bayeux = config.notifications().bayeux();
        this.settings = new Bayeux.Settings(bayeux.timeout().toMillis(), bayeux.interval().toMillis(),
                bayeux.maxInterval().toMillis());
        this.maxBatchBytes = config.notifications().maxUnsentBytes();
        if (config.role().servesPush()) {
            long every = Math.max(1000, settings.maxInterval() / 2);
            vertx.setPeriodic(every, every, id -> reap());
        }
    }

    Bayeux.Settings settings() {
        return settings;
    }

    /**
     * A handshake by {@code user} (null when its credentials were missing, invalid or disagreeing), whose session
     * is bound to {@code bound}. With the acknowledge extension delivery starts after the user's last acknowledged
     * position ({@link AcknowledgedPositions}); otherwise after the newest entry of the log, as a fresh SSE stream
     * does.
     */
    Future<ObjectNode> handshake(BayeuxMessage message, BayeuxUser user, Connection bound) {
        var refusal = Bayeux.refuseHandshake(message, user);
        if (refusal.isPresent()) {
            return Future.succeededFuture(refusal.get());
        }
        Recipient recipient = new Recipient(user.address());
        NotificationLog log = new NotificationLog(redis, keys.log(recipient));
        Uni<String> start = message.asksForAcks() ? positions.resume(recipient, log)
                : log.head().map(NotificationLog.Head::newest);
        return Future.fromCompletionStage(start.subscribeAsCompletionStage()).map(position -> {
            String clientId = newClientId();
            Bayeux.Step.Answer accepted = Bayeux.handshake(message, user, clientId, position, bound, settings);
            OpenSession session = new OpenSession(accepted.session(), log, vertx, settings, positions,
                    maxBatchBytes);
            byClientId.put(clientId, session);
            subscribers.add(session);
            return accepted.reply();
        }).recover(failure -> {
            LOG.debugf("Handshake failed: the notification log or the acknowledged position unreachable: %s",
                    RedisFailure.describe(failure));
            return Future.succeededFuture(Bayeux.unavailable(message));
        });
    }

    /**
     * Any message but a handshake, for the session its clientId names, from the users {@code requesters} name
     * through {@code arrival}. A held connect hands {@code onHold} the way to cancel it, for when its transport goes
     * away unanswered.
     */
    Future<List<ObjectNode>> receive(BayeuxMessage message, List<BayeuxUser> requesters, Connection arrival,
            Consumer<Runnable> onHold) {
        OpenSession session = message.clientId() == null ? null : byClientId.get(message.clientId());
        if (session == null) {
            return Future.succeededFuture(List.of(Bayeux.receive(null, message, requesters, arrival, settings)
                    .reply()));
        }
        return session.receive(message, requesters, arrival, held -> onHold.accept(() -> session.cancel(held)),
                () -> forget(session));
    }

    int count() {
        return byClientId.size();
    }

    /** Drops the sessions of clients that vanished: silent for longer than the advised timeout + maxInterval. */
    void reap() {
        long cutoff = System.currentTimeMillis() - settings.timeout() - settings.maxInterval();
        byClientId.values().forEach(session -> {
            if (session.silentSince(cutoff)) {
                forget(session);
            }
        });
    }

    private void forget(OpenSession session) {
        if (byClientId.remove(session.clientId(), session)) {
            session.end();
            subscribers.remove(session);
        }
    }

    private String newClientId() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
