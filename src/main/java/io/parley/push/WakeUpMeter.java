package io.parley.push;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.ParleyConfig;
import io.quarkus.runtime.Startup;

/**
 * The push role's wake-up subscription: whether it is live now ({@code parley_wakeup_subscribed}, 1 or 0) and how
 * often it had to be made again after a loss ({@code parley_wakeup_resubscriptions_total}). Registered on push
 * instances only: an API instance has no subscription to report.
 */
@Startup
@ApplicationScoped
public class WakeUpMeter {

    WakeUpMeter(MeterRegistry registry, Subscribers subscribers, ParleyConfig config) {
        if (!config.role().servesPush()) {
            return;
        }
        Gauge.builder("parley.wakeup.subscribed", subscribers, s -> s.subscription() != 0 ? 1 : 0)
                .description("1 while the wake-up subscription is live, 0 while it is lost")
                .strongReference(true).register(registry);
        FunctionCounter.builder("parley.wakeup.resubscriptions", subscribers, Subscribers::resubscriptions)
                .description("Wake-up subscriptions made again after a loss").register(registry);
    }
}
