package io.parley.push;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.ParleyConfig;
import io.parley.chat.Actor;
import io.parley.chat.Availability;
import io.parley.chat.ChatRules;
import io.parley.chat.Moment;
import io.parley.chat.Operation;
import io.parley.chat.Outcome;
import io.parley.routing.Dispatcher;
import io.parley.store.ChatRepository;
import io.parley.store.OfferTimers;
import io.parley.store.Outbox;
import io.parley.store.RedisErrors;
import io.parley.store.RedisFailure;
import io.parley.store.Topology;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The timers a stateless function cannot run, on the push role: relayed commits whose committer died before
 * finishing them, offers whose time is up, and waiting chats that nobody handed out. Several push instances may sweep at once; each expiry is a versioned commit, so exactly one
 * of them applies it and the others find nothing left to do.
 */
@Startup
@ApplicationScoped
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class);
    private static final int BATCH = 200;

    private final OfferTimers timers;
    private final ChatRepository chats;
    private final ChatRules rules;
    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final Topology topology;
    private final RedisErrors redisErrors;
    private final Counter lapsed;

    Sweeps(OfferTimers timers, ChatRepository chats, ChatRules rules, Dispatcher dispatcher, Outbox outbox,
            Topology topology, RedisErrors redisErrors, MeterRegistry registry) {
        this.redisErrors = redisErrors;
        this.lapsed = Counter.builder("parley.offers.lapsed")
                .description("Offers of a chat to an agent whose time ran out unanswered").register(registry);
        this.timers = timers;
        this.chats = chats;
        this.rules = rules;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.topology = topology;
    }

    @Scheduled(every = "${parley.offer.sweep:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotPushRole.class)
    void sweep() {
        try {
            if (topology.relayed()) {
                outbox.sweep(System.currentTimeMillis());
            }
            expireOffers();
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            redisErrors.failed(RedisErrors.During.sweep);
            LOG.warnf("Sweep failed, retrying at the next one: %s", RedisFailure.describe(e));
        }
    }

    void expireOffers() {
        long now = System.currentTimeMillis();
        for (OfferTimers.Due due : timers.due(now, BATCH)) {
            Outcome outcome = chats.update(due.chatId(), null, false,
                    snapshot -> rules.decide(snapshot.chat(), new Actor.System(),
                            new Operation.ExpireOffer(due.userId()), new Moment(now, snapshot.baseUrl()),
                            Availability.Unknown, List.of()));
            if (outcome instanceof Outcome.Applied) {
                lapsed.increment();
            } else {
                timers.drop(due, now);
            }
        }
    }

    /** Only push instances run the sweeps. */
    @jakarta.inject.Singleton
    public static class NotPushRole implements Scheduled.SkipPredicate {

        private final ParleyConfig config;

        NotPushRole(ParleyConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.role().servesPush();
        }
    }
}
