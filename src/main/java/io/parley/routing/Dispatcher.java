package io.parley.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.chat.Actor;
import io.parley.chat.AgentLoad;
import io.parley.chat.Availability;
import io.parley.chat.ChatRules;
import io.parley.chat.Chat;
import io.parley.chat.Routing;
import io.parley.chat.Waiting;
import io.parley.chat.Moment;
import io.parley.chat.Operation;
import io.parley.chat.Outcome;
import io.parley.store.AgentChannels;
import io.parley.store.ChatRepository;
import io.parley.store.RedisErrors;
import io.parley.store.RedisFailure;
import io.parley.store.RoutingQueue;

/**
 * Hands waiting chats to Ready agents with room who serve the chat's queue, oldest chat first. Runs after anything
 * that may free an agent or queue a chat, and on the push role's sweep in case the instance that should have run it
 * died.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 100;

    private final ChatRepository chats;
    private final AgentChannels agents;
    private final RoutingQueue queue;
    private final ChatRules rules;
    private final QueueMeter queueMeter;
    private final RedisErrors redisErrors;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("parley-dispatch").factory());

    Dispatcher(ChatRepository chats, AgentChannels agents, RoutingQueue queue, ChatRules rules, QueueMeter queueMeter,
            RedisErrors redisErrors) {
        this.queueMeter = queueMeter;
        this.redisErrors = redisErrors;
        this.chats = chats;
        this.agents = agents;
        this.queue = queue;
        this.rules = rules;
    }

    /** Asks for a dispatch soon, without waiting for it; kicks that arrive meanwhile share one run. */
    public void kick() {
        if (kicked.compareAndSet(false, true)) {
            runner.execute(() -> {
                kicked.set(false);
                try {
                    dispatch();
                } catch (RuntimeException e) {
                    redisErrors.failed(RedisErrors.During.dispatch);
                    LOG.warnf("Dispatch failed, the sweep will retry: %s", RedisFailure.describe(e));
                }
            });
        }
    }

    /**
     * Offers every waiting chat it can to an agent who serves its queue. A queue found with no Ready agent with room
     * is not asked again in the same run.
     */
    public synchronized void dispatch() {
        List<String> waiting = queue.head(BATCH);
        String defaultQueue = rules.policy().defaultQueue();
        Set<String> full = new HashSet<>();
        for (String chatId : waiting) {
            AtomicReference<List<AgentLoad>> ready = new AtomicReference<>(List.of());
            AtomicReference<String> queueName = new AtomicReference<>();
            AtomicBoolean stale = new AtomicBoolean();
            AtomicLong queuedAt = new AtomicLong();
            AtomicLong decidedAt = new AtomicLong();
            Outcome outcome = chats.update(chatId, null, false, snapshot -> {
                Chat chat = snapshot.chat();
                Waiting place = Routing.waitingOf(chat, defaultQueue).orElse(null);
                stale.set(place == null);
                if (place == null || full.contains(place.queue())) {
                    return new Outcome.Unchanged();
                }
                queueName.set(place.queue());
                // chats stored before queuedAt was kept have 0 there: they waited since they were created
                queuedAt.set(chat.queuedAt() != 0 ? chat.queuedAt() : chat.createdAt());
                decidedAt.set(System.currentTimeMillis());
                ready.set(agents.readyAgents(place.queue(), defaultQueue));
                String lastAgent = Routing.contactOf(chat).map(agents::lastAgent).orElse(null);
                return rules.decide(chat, new Actor.System(), new Operation.Route(ready.get(), lastAgent),
                        new Moment(System.currentTimeMillis(), snapshot.baseUrl()), Availability.Unknown, List.of());
            });
            if (outcome instanceof Outcome.Applied) {
                queueMeter.offered(queuedAt.get(), decidedAt.get());
            }
            if (outcome instanceof Outcome.Refused || stale.get()) {
                queue.remove(chatId);
            } else if (outcome instanceof Outcome.Unchanged && queueName.get() != null && noRoom(ready.get())) {
                full.add(queueName.get());
            }
        }
    }

    private boolean noRoom(List<AgentLoad> ready) {
        int max = rules.policy().maxChatsPerAgent();
        return ready.stream().noneMatch(agent -> agent.chats() < max);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
