package io.parley.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.store.Keys;
import io.parley.store.RedisErrors;
import io.parley.store.RedisFailure;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * The routing queue: how many chats wait ({@code parley_queue_length}) and how long a chat waited before it was
 * offered to an agent ({@code parley_queue_wait_seconds}). The length is read from Redis on a timer and kept, so
 * that a scrape never waits for Redis.
 */
@Startup
@ApplicationScoped
public class QueueMeter {

    private static final Logger LOG = Logger.getLogger(QueueMeter.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Redis redis;
    private final Keys keys;
    private final RedisErrors redisErrors;
    private final AtomicLong length = new AtomicLong();
    private final Timer waits;

    QueueMeter(MeterRegistry registry, Redis redis, Keys keys, RedisErrors redisErrors) {
        this.redis = redis;
        this.keys = keys;
        this.redisErrors = redisErrors;
        Gauge.builder("parley.queue.length", length, AtomicLong::get)
                .description("Chats waiting in the routing queue, as last read").strongReference(true)
                .register(registry);
        waits = Timer.builder("parley.queue.wait").description("How long chats waited before they were offered")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
                        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                        Duration.ofMinutes(10), Duration.ofMinutes(30))
                .register(registry);
    }

    @Scheduled(every = "${parley.metrics.queue-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            // bounded: SKIP lets no refresh start while one waits, so one stuck read would freeze the gauge
            length.set(redis.send(Request.cmd(Command.LLEN).arg(keys.queue())).await().atMost(READ_TIMEOUT)
                    .toLong());
        } catch (RuntimeException e) {
            redisErrors.failed(RedisErrors.During.sweep);
            LOG.debugf("Reading the queue length failed, keeping the last one: %s", RedisFailure.describe(e));
        }
    }

    /** A waiting chat was offered to an agent after waiting since {@code queuedAt} (epoch millis). */
    void offered(long queuedAt, long now) {
        waits.record(Duration.ofMillis(Math.max(0, now - queuedAt)));
    }
}
