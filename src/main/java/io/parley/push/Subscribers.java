package io.parley.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every open subscriber of this push instance by recipient address, whatever its transport: the one place a
 * wake-up from Redis is turned into reads of the logs that grew.
 */
@ApplicationScoped
public class Subscribers {

    private final Map<String, Set<Subscriber>> byAddress = new ConcurrentHashMap<>();

    void add(Subscriber subscriber) {
        byAddress.computeIfAbsent(subscriber.recipient().address(), a -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    void remove(Subscriber subscriber) {
        byAddress.computeIfPresent(subscriber.recipient().address(), (address, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Wakes the subscribers of one recipient (its log grew). */
    public void wake(String address) {
        Set<Subscriber> open = byAddress.get(address);
        if (open != null) {
            open.forEach(Subscriber::wake);
        }
    }

    /** Wakes every subscriber: after a lost subscription, any of them may have missed a wake-up. */
    public void wakeAll() {
        each(Subscriber::wake);
    }


    void each(Consumer<Subscriber> action) {
        byAddress.values().forEach(set -> set.forEach(action));
    }
}
