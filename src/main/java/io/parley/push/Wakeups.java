package io.parley.push;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.store.Keys;
import io.parley.store.RedisFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import io.vertx.mutiny.redis.client.Command;

/**
 * Listens on the wake-up channel every commit publishes to, and wakes the subscribers (SSE streams, Bayeux
 * sessions) of the recipients it names.
 * Small notifications travel inside the wake-up and are handed to the streams as they are.
 * A subscription does not survive a Redis restart by itself: when the connection ends, it subscribes again with
 * growing pauses, then wakes every subscriber, because any of them may have missed a wake-up meanwhile.
 */
@ApplicationScoped
public class Wakeups {

    private static final Logger LOG = Logger.getLogger(Wakeups.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final Redis redis;
    private final Keys keys;
    private final Subscribers subscribers;
    private final Vertx vertx;
    private final boolean enabled;
    private volatile boolean stopping;
    private volatile RedisConnection connection;

    Wakeups(Redis redis, Keys keys, Subscribers subscribers, Vertx vertx, ParleyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.subscribers = subscribers;
        this.vertx = vertx;
        this.enabled = config.role().servesPush();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            subscribe(Duration.ofMillis(100), false);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        RedisConnection open = connection;
        if (open != null) {
            open.closeAndForget();
        }
    }

    private void subscribe(Duration pause, boolean resumed) {
        if (stopping) {
            return;
        }
        redis.connect().subscribe().with(conn -> {
            connection = conn;
            conn.handler(this::onMessage);
            conn.exceptionHandler(failure -> retry(conn, pause, RedisFailure.describe(failure)));
            conn.endHandler(() -> retry(conn, pause, "connection ended"));
            // named after its channel, so that CLIENT LIST shows which connection carries an instance's wake-ups
            conn.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(keys.wakeChannel()))
                    .chain(() -> conn.send(Request.cmd(Command.SUBSCRIBE).arg(keys.wakeChannel())))
                    .subscribe().with(ok -> {
                if (resumed) {
                    LOG.info("Wake-up subscription restored; catching up every subscriber");
                }
                subscribers.subscribed(resumed);
            }, failure -> retry(conn, pause, RedisFailure.describe(failure)));
        }, failure -> later(pause));
    }

    private void retry(RedisConnection failed, Duration pause, String why) {
        if (connection != failed || stopping) {
            return;
        }
        connection = null;
        subscribers.subscriptionLost();
        failed.closeAndForget();
        LOG.warnf("Wake-up subscription lost (%s); subscribing again", why);
        later(pause);
    }

    private void later(Duration pause) {
        Duration next = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        vertx.setTimer(pause.toMillis(), id -> subscribe(next, true));
    }

    private void onMessage(Response message) {
        if (message.type() == ResponseType.ERROR) {
            // a refused SUBSCRIBE (an ACL, say) arrives here, not as the send's failure: no subscription stands
            RedisConnection refused = connection;
            if (refused != null) {
                retry(refused, MAX_PAUSE, "refused: " + message);
            }
            return;
        }
        if (message.type() != ResponseType.MULTI && message.type() != ResponseType.PUSH) {
            return;
        }
        if (message.size() < 3 || !"message".equals(message.get(0).toString())) {
            return;
        }
        for (WakeUp wakeUp : WakeUp.parse(message.get(2).toString())) {
            subscribers.deliver(wakeUp);
        }
    }
}
