package io.parley.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.parley.store.RedisErrors;

/**
 * Every open subscriber of this push instance by recipient address, whatever its transport: the one place a
 * wake-up from Redis is turned into reads of the logs that grew.
 */
@ApplicationScoped
public class Subscribers {

    private final Map<String, Set<Subscriber>> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong subscriptions = new AtomicLong();
    private final AtomicLong resumed = new AtomicLong();
    private volatile long live;
    @Inject
    RedisErrors redisErrors;

    void add(Subscriber subscriber) {
        byAddress.computeIfAbsent(subscriber.recipient().address(), a -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    void remove(Subscriber subscriber) {
        byAddress.computeIfPresent(subscriber.recipient().address(), (address, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Passes one line of a wake-up to the subscribers of its recipient. */
    void deliver(WakeUp wakeUp) {
        Set<Subscriber> open = byAddress.get(wakeUp.address());
        if (open == null) {
            return;
        }
        if (wakeUp.entry() == null) {
            open.forEach(Subscriber::wake);
        } else {
            open.forEach(subscriber -> subscriber.deliver(wakeUp.entry()));
        }
    }

    /**
     * Which wake-up subscription is live, 0 while none is. Redis delivers a subscription's messages in publish order
     * and drops none while it lasts, so a reader whose last read started during the live one has seen, or will be
     * handed, every entry after its position; when the number changes that no longer holds and readers read again.
     */
    long subscription() {
        return live;
    }

    /** The wake-up subscription ended: what a later one carries may follow a gap. */
    void subscriptionLost() {
        live = 0;
        redisErrors.failed(RedisErrors.During.wakeup);
    }

    /** A wake-up subscription began; after a lost one, every subscriber reads, as any may have missed entries. */
    void subscribed(boolean afterLoss) {
        live = subscriptions.incrementAndGet();
        if (afterLoss) {
            resumed.incrementAndGet();
            each(Subscriber::wake);
        }
    }

    /** How many times a lost wake-up subscription was made again. */
    long resubscriptions() {
        return resumed.get();
    }

    /** The open subscribers of one transport. */
    long count(Class<? extends Subscriber> kind) {
        return byAddress.values().stream().flatMap(Set::stream).filter(kind::isInstance).count();
    }

    void each(Consumer<Subscriber> action) {
        byAddress.values().forEach(set -> set.forEach(action));
    }
}
