package io.parley.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.chat.Outcome;
import io.quarkus.runtime.Startup;

/**
 * Counts commits tried and lost to another writer ({@code parley_commit_attempts_total},
 * {@code parley_commit_conflicts_total}), and the notifications committed into recipients' logs
 * ({@code parley_notifications_appended_total}, by what they are about: a chat or an agent's channel).
 */
@Startup
@ApplicationScoped
public class CommitMeter {

    private final Counter attempts;
    private final Counter conflicts;
    private final Counter chatNotifications;
    private final Counter channelNotifications;

    CommitMeter(MeterRegistry registry) {
        attempts = Counter.builder("parley.commit.attempts")
                .description("Chat commits tried, a retry after a lost race included").register(registry);
        conflicts = Counter.builder("parley.commit.conflicts")
                .description("Chat commits refused because another writer changed the chat first")
                .register(registry);
        chatNotifications = appended(registry, "chat");
        channelNotifications = appended(registry, "channel");
    }

    private static Counter appended(MeterRegistry registry, String about) {
        return Counter.builder("parley.notifications.appended")
                .description("Notifications committed to recipients' logs").tag("about", about).register(registry);
    }

    public void attempt() {
        attempts.increment();
    }

    public void conflict() {
        conflicts.increment();
    }

    /** A committed decision: each of its deliveries is one notification in one recipient's log. */
    public void committed(Outcome.Applied applied) {
        chatNotifications.increment(applied.deliveries().size());
    }

    public void channelChanged() {
        channelNotifications.increment();
    }
}
