package io.parley.store;

import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.regex.Pattern;

/**
 * What a log may say about a failed Redis command. The commands carry user documents with password hashes,
 * notification texts and chat contents, and the Redis client copies a whole command into some of its failures (a
 * cluster's CROSSSLOT refusal quotes it, arguments and all), while Redis quotes what a client sent in some of its
 * error replies. So a failure is described by its own words only: quoted text and whatever follows a
 * {@code ": "} are dropped, which keeps the error's kind (CROSSSLOT, NOPERM, WRONGTYPE, ...) and its reason.
 * Network failures are kept whole: they name an address, never a command.
 */
public final class RedisFailure {

    /** A described failure is one line, however much the client packed into its message. */
    static final int MAX_LENGTH = 300;

    private static final String DROPPED = "…";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RedisFailure() {
    }

    /** One line that says what failed, without any argument of the command that failed. */
    public static String describe(Throwable failure) {
        Throwable cause = innermost(failure);
        if (isNetwork(cause)) {
            return cause.toString();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        // one line first, so that data after a colon and a line break is recognised as data too
        String words = withoutData(WHITESPACE.matcher(message).replaceAll(" ").strip());
        return words.length() <= MAX_LENGTH ? words : words.substring(0, MAX_LENGTH) + DROPPED;
    }

    /**
     * Whether {@code failure} came out of the Redis client: a reply Redis refused, or a command the client refused
     * to send. Such a failure is Redis's or the deployment's, not a fault of the request.
     */
    public static boolean isRedis(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (inRedisClient(cause.getClass().getName())) {
                return true;
            }
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (inRedisClient(frame.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inRedisClient(String className) {
        return className.startsWith("io.vertx.redis.") || className.startsWith("io.vertx.mutiny.redis.")
                || className.startsWith("io.quarkus.redis.");
    }

    /** The failure itself, under the wrappers (CompletionException, ...) that only repeat its message. */
    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isNetwork(Throwable cause) {
        return cause instanceof SocketException || cause instanceof UnknownHostException
                || cause instanceof ClosedChannelException;
    }

    /**
     * {@code message} with its quoted parts and anything after a colon that introduces data left out. A command's
     * arguments may hold quotes themselves, so a quoted part runs from its opening quote to the last quote. A single
     * quote opens a part only after a space, so that an apostrophe ("can't") is left alone.
     */
    static String withoutData(String message) {
        String text = withoutQuoted(message, message.indexOf('"'), '"');
        text = withoutQuoted(text, openingSingleQuote(text), '\'');
        int from = 0;
        for (int colon = text.indexOf(": ", from); colon >= 0; colon = text.indexOf(": ", from)) {
            if (!text.startsWith(DROPPED, colon + 2)) {
                return text.substring(0, colon + 2) + DROPPED;
            }
            from = colon + 2;
        }
        return text;
    }

    private static int openingSingleQuote(String text) {
        for (int at = text.indexOf('\''); at >= 0; at = text.indexOf('\'', at + 1)) {
            if (at == 0 || Character.isWhitespace(text.charAt(at - 1))) {
                return at;
            }
        }
        return -1;
    }

    private static String withoutQuoted(String text, int first, char quote) {
        if (first < 0) {
            return text;
        }
        int last = text.lastIndexOf(quote);
        return text.substring(0, first) + DROPPED + (last > first ? text.substring(last + 1) : "");
    }
}
