package io.parley.support;

/**
 * Recognises a stack trace in a log, in either of the formats the application writes: a text line of one
 * ({@code \tat ...}, {@code Caused by: ...}), or a JSON line whose record carries an exception (the packaged
 * application logs JSON unless QUARKUS_LOG_CONSOLE_JSON_ENABLED=false).
 */
public final class StackTraces {

    private StackTraces() {
    }

    public static boolean in(String line) {
        return line.startsWith("\tat ") || line.startsWith("Caused by:")
                || line.startsWith("{") && line.contains("\"exception\":{");
    }
}
