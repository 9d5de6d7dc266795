package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The idle timeout must outlast a silent SSE stream and a waiting CometD connection. */
class QuietConnectionsTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(25);
    private static final Duration INTERVAL = Duration.ZERO;
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(10);

    private static Optional<String> problem(Duration idle) {
        return QuietConnections.problem(idle, HEARTBEAT, TIMEOUT, INTERVAL, MAX_INTERVAL);
    }

    @Test
    void theDefaultsFit() {
        assertEquals(Optional.empty(), problem(Duration.ofSeconds(40)));
    }

    @Test
    void lessThanTwoHeartbeatsWouldCloseStreams() {
        String problem = problem(Duration.ofSeconds(39)).orElseThrow();
        assertTrue(problem.contains("parley.notifications.heartbeat (40s)"), problem);
        assertTrue(problem.contains("quarkus.http.idle-timeout (39s)"), problem);
    }

    @Test
    void lessThanASessionMayWaitWouldCloseCometdConnections() {
        Optional<String> problem = QuietConnections.problem(Duration.ofSeconds(40), Duration.ofSeconds(5),
                Duration.ofSeconds(25), Duration.ZERO, Duration.ofSeconds(16));
        assertTrue(problem.orElseThrow().contains("bayeux.timeout"), problem.get());
        assertTrue(problem.get().contains("(41s)"), problem.get());
    }

    @Test
    void aLongIntervalCountsInsteadOfTheTimeout() {
        Optional<String> problem = QuietConnections.problem(Duration.ofMillis(2400), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(1));
        assertTrue(problem.orElseThrow().contains("(2500ms)"), problem.get());
    }
}
