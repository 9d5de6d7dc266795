package io.parley.auth;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.store.Json;
import io.parley.store.Keys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * Sessions opened by Basic sign-ins, in Redis so that any api or push instance accepts their cookie. A session ends
 * when it is unused for {@code parley.auth.session.idle-timeout} (each use starts that period again, GETEX) or when
 * its user ends it (sign-out, EndContactCenterSession). Ids and CSRF tokens are 128 random bits each, drawn from a
 * SecureRandom of this bean (never a static one, which a native image would freeze with one seed).
 */
@ApplicationScoped
public class Sessions {

    private final Redis redis;
    private final Keys keys;
    private final Json json;
    private final long idleMillis;
    private final SecureRandom random = new SecureRandom();

    Sessions(Redis redis, Keys keys, Json json, ParleyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.idleMillis = config.auth().session().idleTimeout().toMillis();
    }

    public Uni<Session> open(SignedIn user) {
        Session session = new Session(randomHex(), user, randomHex());
        return redis.send(Request.cmd(Command.SET).arg(keys.session(session.id())).arg(json.write(session))
                .arg("PX").arg(idleMillis)).replaceWith(session);
    }

    /** The session of a cookie's value, its idle period started again; null when there is none (or it ended). */
    public Uni<Session> find(String id) {
        if (!SessionCookie.wellFormed(id)) {
            return Uni.createFrom().nullItem();
        }
        return redis.send(Request.cmd(Command.GETEX).arg(keys.session(id)).arg("PX").arg(idleMillis))
                .map(stored -> stored == null ? null : json.read(stored.toString(), Session.class));
    }

    public Uni<Void> end(String id) {
        if (!SessionCookie.wellFormed(id)) {
            return Uni.createFrom().voidItem();
        }
        return redis.send(Request.cmd(Command.DEL).arg(keys.session(id))).replaceWithVoid();
    }

    private String randomHex() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
