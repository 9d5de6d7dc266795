package io.parley.auth;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.store.Keys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Counts failed password checks per user name in Redis (INCR, and PEXPIRE so that the count ends a window after the
 * last failure), so that every instance sees the same count: guessing a password costs the same whichever instance
 * is asked. Once a name has {@code max-failures} failures its passwords are not checked until the count expires.
 */
@ApplicationScoped
public class SignInThrottle {

    private final Redis redis;
    private final Keys keys;
    private final int maxFailures;
    private final Duration window;

    SignInThrottle(Redis redis, Keys keys, ParleyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.maxFailures = config.auth().throttle().maxFailures();
        this.window = config.auth().throttle().window();
    }

    /** Fails with {@link Throttled} when the name has had too many failures lately. */
    public Uni<Void> check(String userName) {
        String key = keys.signInFailures(userName);
        return redis.send(Request.cmd(Command.GET).arg(key)).flatMap(count -> {
            if (count == null || count.toLong() < maxFailures) {
                return Uni.createFrom().voidItem();
            }
            return redis.send(Request.cmd(Command.PTTL).arg(key)).map(ttl -> {
                long seconds = Math.max(1, (ttl == null ? window.toMillis() : ttl.toLong()) / 1000 + 1);
                throw new Throttled(seconds);
            });
        });
    }

    public Uni<Void> failed(String userName) {
        String key = keys.signInFailures(userName);
        return redis.batch(List.of(Request.cmd(Command.INCR).arg(key),
                Request.cmd(Command.PEXPIRE).arg(key).arg(window.toMillis()))).replaceWithVoid();
    }
}
