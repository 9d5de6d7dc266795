package io.parley.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counts failures talking to Redis ({@code parley_redis_errors_total}) by what failed: a client's request, the
 * push role's wake-up subscription, a notification read for a stream, or a routing or offer sweep.
 */
@Startup
@ApplicationScoped
public class RedisErrors {

    public enum During {
        request, wakeup, stream, sweep, dispatch
    }

    private final MeterRegistry registry;

    RedisErrors(MeterRegistry registry) {
        this.registry = registry;
        for (During during : During.values()) {
            counter(during);
        }
    }

    public void failed(During during) {
        counter(during).increment();
    }

    private Counter counter(During during) {
        return Counter.builder("parley.redis.errors").description("Failed Redis commands and lost connections")
                .tag("during", during.name()).register(registry);
    }
}
