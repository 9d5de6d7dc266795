package io.parley.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * A Lua script run by its SHA1 (one short command per call), sent in full only when Redis does not know it yet,
 * e.g. after a Redis restart.
 */
final class LuaScript {

    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    static LuaScript load(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing script resource lua/" + resource);
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response run(Redis redis, List<String> keys, List<String> args) {
        try {
            return redis.sendAndAwait(request(Command.EVALSHA, sha, keys, args));
        } catch (RuntimeException e) {
            if (!unknownScript(e)) {
                throw e;
            }
            return redis.sendAndAwait(request(Command.EVAL, source, keys, args));
        }
    }

    /** The same as {@link #run}, without blocking: for steps sent to several hash slots at once. */
    Uni<Response> send(Redis redis, List<String> keys, List<String> args) {
        return redis.send(request(Command.EVALSHA, sha, keys, args))
                .onFailure(LuaScript::unknownScript)
                .recoverWithUni(() -> redis.send(request(Command.EVAL, source, keys, args)));
    }

    /** Runs the script and then {@code next} in one pipeline, so on the same node; both replies, in order. */
    Uni<List<Response>> sendFollowedBy(Redis redis, List<String> keys, List<String> args, Request next) {
        return redis.batch(List.of(request(Command.EVALSHA, sha, keys, args), next))
                .onFailure(LuaScript::unknownScript)
                .recoverWithUni(() -> redis.batch(List.of(request(Command.EVAL, source, keys, args), next)));
    }

    /** Redis does not know the script (after a restart or failover): in a pipeline the reply is prefixed. */
    private static boolean unknownScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
    }

    private static Request request(Command command, String script, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
