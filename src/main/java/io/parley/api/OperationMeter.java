package io.parley.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.chat.StatusCode;

/**
 * Times every request that performs an operation, by {@code operationName} and the reply's {@code statusCode}
 * ({@code parley_operations_seconds}), and writes the one line each operation leaves in the log (at DEBUG), with
 * the {@link OperationTrail} fields, which it then clears. Both labels come from fixed sets: an unknown name or
 * code is {@code other}.
 */
public class OperationMeter {

    private static final Logger LOG = Logger.getLogger(OperationMeter.class);
    private static final String STARTED = OperationMeter.class.getName() + ".started";

    /** Few buckets, as the series are many (operations times statusCodes); enough to tell fast from slow. */
    private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

    private final MeterRegistry registry;

    OperationMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerRequestFilter(preMatching = true)
    public void started(ContainerRequestContext request) {
        // a request handled on a thread that served another before starts with nothing of that one's trail
        OperationTrail.clear();
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response) {
        String operationName = OperationTrail.operationName();
        try {
            if (operationName == null || !(request.getProperty(STARTED) instanceof Long started)) {
                return;
            }
            String statusCode = statusCode(response);
            LOG.debugf("%s answered statusCode %s (HTTP %d)", operationName, statusCode, response.getStatus());
            Timer.builder("parley.operations")
                    .description("Chat and agent operations by operationName and the statusCode they answered")
                    .tag("operationName", operationName)
                    .tag("statusCode", statusCode)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } finally {
            OperationTrail.clear();
        }
    }

    /** The reply body's statusCode when it is one of GWS's, else {@code other}. */
    static String statusCode(ContainerResponseContext response) {
        if (response.getEntity() instanceof Replies.Coded coded
                && Arrays.stream(StatusCode.values()).anyMatch(known -> known.code == coded.statusCode())) {
            return Integer.toString(coded.statusCode());
        }
        return OperationTrail.OTHER;
    }
}
