package io.parley.push;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.parley.ParleyConfig;

/**
 * A push instance without its wake-up subscription would hold streams that hear of nothing: it is not ready (a
 * load balancer sends new connections elsewhere) until it has subscribed again. It stays live meanwhile, as
 * {@link Wakeups} resubscribes by itself and a restart would only drop every open stream.
 */
@Readiness
@ApplicationScoped
public class WakeUpReadiness implements HealthCheck {

    static final String NAME = "wake-up subscription";

    private final Subscribers subscribers;
    private final boolean push;

    WakeUpReadiness(Subscribers subscribers, ParleyConfig config) {
        this.subscribers = subscribers;
        this.push = config.role().servesPush();
    }

    @Override
    public HealthCheckResponse call() {
        if (!push) {
            return HealthCheckResponse.named(NAME).up().withData("role", "api only: no subscription needed").build();
        }
        return HealthCheckResponse.named(NAME).status(subscribers.subscription() != 0)
                .withData("resubscriptions", subscribers.resubscriptions()).build();
    }
}
