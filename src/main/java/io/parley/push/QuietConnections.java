package io.parley.push;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.ParleyConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks at start that the HTTP idle timeout ({@code quarkus.http.idle-timeout}) lets every healthy push connection
 * live. Vert.x closes a connection that neither completed a request nor was written to for that long; its timer
 * sits behind the HTTP/1 decoder, so header lines trickled by a client that never finishes its request do not count,
 * and the same timeout bounds how long such a client is held. It must still outlast the quiet spells of the
 * connections Parley keeps open on purpose: an SSE stream is silent for at most one and a half heartbeats (half a
 * heartbeat more is the margin), and a CometD connection may be as quiet as its session is allowed to be.
 */
@Singleton
public class QuietConnections {

    private final ParleyConfig config;
    private final Duration idleTimeout;

    QuietConnections(ParleyConfig config, @ConfigProperty(name = "quarkus.http.idle-timeout") Duration idleTimeout) {
        this.config = config;
        this.idleTimeout = idleTimeout;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.role().servesPush()) {
            var notifications = config.notifications();
            var bayeux = notifications.bayeux();
            Optional<String> problem = problem(idleTimeout, notifications.heartbeat(), bayeux.timeout(),
                    bayeux.interval(), bayeux.maxInterval());
            if (problem.isPresent()) {
                throw new ConfigurationException(problem.get());
            }
        }
    }

    /** Why {@code idleTimeout} would cut healthy push connections, if it would. */
    static Optional<String> problem(Duration idleTimeout, Duration heartbeat, Duration bayeuxTimeout,
            Duration bayeuxInterval, Duration bayeuxMaxInterval) {
        Duration streams = heartbeat.multipliedBy(2);
        Duration sessions = max(bayeuxTimeout, bayeuxInterval).plus(bayeuxMaxInterval);
        if (idleTimeout.compareTo(streams) < 0) {
            return Optional.of("quarkus.http.idle-timeout (" + text(idleTimeout) + ") would close idle SSE streams: "
                    + "make it at least twice parley.notifications.heartbeat (" + text(streams) + ")");
        }
        if (idleTimeout.compareTo(sessions) < 0) {
            return Optional.of("quarkus.http.idle-timeout (" + text(idleTimeout) + ") would close waiting CometD "
                    + "connections: make it at least parley.notifications.bayeux.timeout (or .interval, if longer) "
                    + "+ .max-interval (" + text(sessions) + ")");
        }
        return Optional.empty();
    }

    /** As the setting is written: {@code 40s}, {@code 1500ms}. */
    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}
