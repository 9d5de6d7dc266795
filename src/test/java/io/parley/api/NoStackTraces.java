package io.parley.api;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.parley.support.StackTraces;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Fails a test when anything in the JVM logged a stack trace while it ran. Under @QuarkusTest the app logs through
 * the same JBoss LogManager, so a handler on the root logger sees the server's records. Under
 * @QuarkusIntegrationTest the app is another process (the packaged jar or the native executable) that logs to
 * {@code target/quarkus.log}: what it wrote there during the test must hold no stack trace either.
 */
public final class NoStackTraces implements BeforeEachCallback, AfterEachCallback {

    private static final Recorder RECORDER = new Recorder();
    private static final Path PACKAGED_APP_LOG = Path.of("target", "quarkus.log");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoStackTraces.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        // Quarkus replaces the root handlers when it (re)starts, so the recorder is put back before every test
        root.removeHandler(RECORDER);
        root.addHandler(RECORDER);
        RECORDER.records.clear();
        if (againstPackagedApp(context)) {
            context.getStore(NAMESPACE).put(PACKAGED_APP_LOG, logLength());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<LogRecord> traces = takeRecorded();
        if (!traces.isEmpty()) {
            throw new AssertionError("The server logged " + traces.size() + " stack trace(s): " + traces.stream()
                    .map(r -> r.getLoggerName() + " " + r.getLevel() + " '" + r.getMessage() + "': " + r.getThrown())
                    .collect(Collectors.joining("; ")));
        }
        if (againstPackagedApp(context)) {
            String logged = loggedSince(context.getStore(NAMESPACE).get(PACKAGED_APP_LOG, Long.class));
            if (logged.lines().anyMatch(StackTraces::in)) {
                throw new AssertionError("The packaged application logged a stack trace (" + PACKAGED_APP_LOG + "):\n"
                        + logged);
            }
        }
    }

    private static boolean againstPackagedApp(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(QuarkusIntegrationTest.class);
    }

    private static long logLength() {
        try {
            return Files.exists(PACKAGED_APP_LOG) ? Files.size(PACKAGED_APP_LOG) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String loggedSince(long offset) {
        try (RandomAccessFile log = new RandomAccessFile(PACKAGED_APP_LOG.toFile(), "r")) {
            long length = log.length();
            byte[] added = new byte[(int) Math.max(0, length - offset)];
            log.seek(Math.min(offset, length));
            log.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + PACKAGED_APP_LOG, e);
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
