package io.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.impl.types.ErrorType;

/**
 * A failed command is described without its arguments, in the shapes the Redis client and Redis itself give their
 * failures (the messages below are theirs, with a user document as an argument).
 */
class RedisFailureTest {

    private static final String HASH = "$2a$10$MB6c/aR6D2V9.okokKhwquenbc6JNEunk0CMjb8vXWXPQ5SL6yq2G";
    private static final String DOCUMENT = "{\"id\":\"17308f11\",\"userName\":\"alice\",\"passwordHash\":\"" + HASH
            + "\",\"note\":\"it's: mine\"}";

    /** The command exactly as the client writes it into its messages. */
    private static String command() {
        return Request.cmd(Command.EVALSHA).arg("151f462c1f2c6f9dc039789754ef4738601f3e0a").arg(3)
                .arg("parley:username:alice").arg("parley:user:17308f11").arg("parley:users").arg("17308f11")
                .arg(DOCUMENT).arg(1796138994124L).toString();
    }

    @Test
    void aClusterRefusalKeepsItsKindAndDropsTheCommand() {
        // what the cluster client fails a command with when its keys lie in different hash slots
        var refused = new CompletionException(new NoStackTraceThrowable("Keys of command or batch: \"" + command()
                + "\" targets not all in the same hash slot (CROSSSLOT) and client side resharding is not supported"));

        String described = RedisFailure.describe(refused);

        assertEquals("Keys of command or batch: … targets not all in the same hash slot (CROSSSLOT) and client side "
                + "resharding is not supported", described);
    }

    @Test
    void aCommandTheClientCannotSendIsNotRepeated() {
        String described = RedisFailure.describe(new NoStackTraceThrowable(
                "Redis command is not valid, check https://redis.io/commands: " + command()));

        assertEquals("Redis command is not valid, check https://redis.io/commands: …", described);
    }

    @Test
    void redisRepliesKeepTheirKindAndLoseWhatTheyQuote() {
        assertEquals("ERR unknown command …", RedisFailure.describe(ErrorType.create(
                "ERR unknown command 'FOO', with args beginning with: '" + HASH + "' 'x' ")));
        assertEquals("NOPERM User parley has no permissions to run the … command", RedisFailure.describe(
                ErrorType.create("NOPERM User parley has no permissions to run the 'evalsha' command")));
        assertEquals("READONLY You can't write against a read only replica.", RedisFailure.describe(
                ErrorType.create("READONLY You can't write against a read only replica.")));
        assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", RedisFailure.describe(
                new CompletionException(ErrorType.create(
                        "WRONGTYPE Operation against a key holding the wrong kind of value"))));
    }

    @Test
    void aNetworkFailureKeepsItsAddress() {
        assertEquals("java.net.ConnectException: Connection refused: /127.0.0.1:6390", RedisFailure.describe(
                new CompletionException(new ConnectException("Connection refused: /127.0.0.1:6390"))));
    }

    @Test
    void aDescriptionIsOneShortLine() {
        String described = RedisFailure.describe(new IllegalStateException("ERR " + "word ".repeat(200)
                + "\r\nsecond line"));

        assertFalse(described.contains("\n"));
        assertTrue(described.length() <= RedisFailure.MAX_LENGTH + 1, described);
    }

    @Test
    void onlyFailuresOfTheRedisClientCountAsRedisFailures() {
        assertTrue(RedisFailure.isRedis(new CompletionException(ErrorType.create("ERR no"))));
        assertFalse(RedisFailure.isRedis(new IllegalStateException("a fault of Parley's own")));
    }
}
