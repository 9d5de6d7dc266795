package io.parley.push;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.ParleyConfig;
import io.quarkus.runtime.Startup;

/**
 * The push connections this instance holds: open SSE streams ({@code parley_sse_streams}) and CometD sessions
 * ({@code parley_cometd_sessions}), read when scraped from what the instance keeps anyway.
 */
@Startup
@ApplicationScoped
public class ConnectionMeter {

    ConnectionMeter(MeterRegistry registry, Subscribers subscribers, BayeuxSessions sessions, ParleyConfig config) {
        if (!config.role().servesPush()) {
            return;
        }
        Gauge.builder("parley.sse.streams", subscribers, s -> s.count(SseStream.class))
                .description("Open Server-Sent Events notification streams").strongReference(true)
                .register(registry);
        Gauge.builder("parley.cometd.sessions", sessions, BayeuxSessions::count)
                .description("Open CometD sessions, long-polling and WebSocket").strongReference(true)
                .register(registry);
    }
}
