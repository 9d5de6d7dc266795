package io.parley.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Sends the writes an operation's answer depends on. With {@code parley.redis.wait-replicas} above 0 each is
 * followed by {@code WAIT} on the same node, and fails unless that many replicas confirmed it.
 */
@ApplicationScoped
class Writes {

    private final Redis redis;
    private final int replicas;
    private final long timeoutMillis;

    Writes(Redis redis, ParleyConfig config) {
        this.redis = redis;
        this.replicas = config.redis().waitReplicas();
        this.timeoutMillis = config.redis().waitTimeout().toMillis();
    }

    Uni<Response> run(LuaScript script, List<String> keys, List<String> args) {
        return replicas == 0 ? script.send(redis, keys, args)
                : script.sendFollowedBy(redis, keys, args, waitForReplicas()).map(this::confirmed);
    }

    Response runAndAwait(LuaScript script, List<String> keys, List<String> args) {
        return replicas == 0 ? script.run(redis, keys, args) : run(script, keys, args).await().indefinitely();
    }

    Uni<Response> send(Request request) {
        return replicas == 0 ? redis.send(request)
                : redis.batch(List.of(request, waitForReplicas())).map(this::confirmed);
    }

    private Request waitForReplicas() {
        return Request.cmd(Command.WAIT).arg(replicas).arg(timeoutMillis);
    }

    /** The write's reply, once {@code WAIT}'s (the second) says enough replicas have it. */
    private Response confirmed(List<Response> replies) {
        int confirmed = replies.get(1).toInteger();
        if (confirmed < replicas) {
            throw new ReplicasBehind(replicas, confirmed);
        }
        return replies.get(0);
    }
}
