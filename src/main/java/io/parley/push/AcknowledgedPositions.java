package io.parley.push;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.chat.Recipient;
import io.parley.push.bayeux.BayeuxSession;
import io.parley.store.Keys;
import io.parley.store.RedisFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Each user's last acknowledged position, kept in Redis for CometD clients with the acknowledge extension: a
 * handshake resumes after it, so that what an earlier session of the user was sent and never acknowledged (it
 * crashed, or its push instance went away) is sent again.
 *
 * <p>A position is kept from the first acknowledging handshake on, and for as long as a session acknowledges: it
 * lapses after the log's retention age without one, when whatever it could resume has been trimmed anyway.
 */
@ApplicationScoped
public class AcknowledgedPositions {

    private static final Logger LOG = Logger.getLogger(AcknowledgedPositions.class);

    private final Redis redis;
    private final Keys keys;
    private final long lifespan;

    AcknowledgedPositions(Redis redis, Keys keys, ParleyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.lifespan = config.notifications().retention().age().toMillis();
    }

    /** How long a kept position lasts unless a session keeps or extends it. */
    long lifespan() {
        return lifespan;
    }

    /**
     * Where an acknowledging session of {@code recipient} starts: after the kept position, whose life starts again;
     * without one, after the newest entry of {@code log}, which is kept as the position from now on (unless
     * another handshake kept one first), so that a session that never acknowledges still leaves its start behind.
     */
    Uni<String> resume(Recipient recipient, NotificationLog log) {
        String key = keys.acknowledged(recipient);
        return redis.send(Request.cmd(Command.GETEX).arg(key).arg("PX").arg(lifespan))
                .onItem().transformToUni(kept -> kept != null && StreamIds.valid(kept.toString())
                        ? Uni.createFrom().item(kept.toString())
                        : log.head().map(NotificationLog.Head::newest).call(newest -> redis.send(
                                Request.cmd(Command.SET).arg(key).arg(newest).arg("NX").arg("PX").arg(lifespan))));
    }

    /** The session's acknowledged position moved: it becomes its user's. */
    void keep(BayeuxSession session) {
        send(Request.cmd(Command.SET).arg(key(session)).arg(session.acked()).arg("PX").arg(lifespan));
    }

    /** The session still acknowledges without moving: its user's position lives on, whichever session set it. */
    void extend(BayeuxSession session) {
        send(Request.cmd(Command.PEXPIRE).arg(key(session)).arg(lifespan));
    }

    private String key(BayeuxSession session) {
        return keys.acknowledged(new Recipient(session.user().address()));
    }

    private void send(Request request) {
        redis.send(request).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Acknowledged position not kept: %s", RedisFailure.describe(failure)));
    }
}
