package io.parley.routing;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.chat.Actor;
import io.parley.chat.AgentLoad;
import io.parley.chat.Availability;
import io.parley.chat.ChatRules;
import io.parley.chat.ChatStatus;
import io.parley.chat.Moment;
import io.parley.chat.Operation;
import io.parley.chat.Outcome;
import io.parley.store.AgentChannels;
import io.parley.store.ChatRepository;
import io.parley.store.RedisFailure;
import io.parley.store.RoutingQueue;

/**
 * Hands waiting chats to Ready agents with room, oldest chat first. Runs after anything that may free an agent or
 * queue a chat, and on the push role's sweep in case the instance that should have run it died.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 100;

    private final ChatRepository chats;
    private final AgentChannels agents;
    private final RoutingQueue queue;
    private final ChatRules rules;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("parley-dispatch").factory());

    Dispatcher(ChatRepository chats, AgentChannels agents, RoutingQueue queue, ChatRules rules) {
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
                    LOG.warnf("Dispatch failed, the sweep will retry: %s", RedisFailure.describe(e));
                }
            });
        }
    }

    /** Offers every waiting chat it can to an agent; stops when no Ready agent has room. */
    public synchronized void dispatch() {
        List<String> waiting = queue.head(BATCH);
        for (String chatId : waiting) {
            AtomicReference<List<AgentLoad>> ready = new AtomicReference<>(List.of());
            AtomicBoolean stale = new AtomicBoolean();
            Outcome outcome = chats.update(chatId, null, false, snapshot -> {
                ready.set(agents.readyAgents());
                stale.set(snapshot.chat().status() != ChatStatus.Queued);
                return rules.decide(snapshot.chat(), new Actor.System(), new Operation.Route(ready.get()),
                        new Moment(System.currentTimeMillis(), snapshot.baseUrl()), Availability.Unknown, List.of());
            });
            if (outcome instanceof Outcome.Refused || stale.get()) {
                queue.remove(chatId);
            } else if (outcome instanceof Outcome.Unchanged && noRoom(ready.get())) {
                return;
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
