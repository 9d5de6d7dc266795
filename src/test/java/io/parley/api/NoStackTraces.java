package io.parley.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when anything in the JVM logged a stack trace while it ran. Under @QuarkusTest the app logs through
 * the same JBoss LogManager, so a handler on the root logger sees the server's records.
 */
public final class NoStackTraces implements BeforeEachCallback, AfterEachCallback {

    private static final Recorder RECORDER = new Recorder();

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        // Quarkus replaces the root handlers when it (re)starts, so the recorder is put back before every test
        root.removeHandler(RECORDER);
        root.addHandler(RECORDER);
        RECORDER.records.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<LogRecord> traces = takeRecorded();
        if (!traces.isEmpty()) {
            throw new AssertionError("The server logged " + traces.size() + " stack trace(s): " + traces.stream()
                    .map(r -> r.getLoggerName() + " " + r.getLevel() + " '" + r.getMessage() + "': " + r.getThrown())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** The records with a stack trace logged since the test began; they no longer count against it. */
    static List<LogRecord> takeRecorded() {
        List<LogRecord> taken = List.copyOf(RECORDER.records);
        RECORDER.records.removeAll(taken);
        return taken;
    }

    private static final class Recorder extends Handler {
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
