package io.parley;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.parley.chat.ChatRules;
import io.parley.chat.Policy;

/** Gives the pure chat rules the configured limits. */
public class RulesProducer {

    @Produces
    @Singleton
    ChatRules chatRules(ParleyConfig config) {
        String defaultQueue = config.routing().defaultQueue();
        Set<String> queues = new HashSet<>(config.routing().queues().orElse(List.of()));
        queues.add(defaultQueue);
        return new ChatRules(new Policy(config.offer().timeout().toMillis(), config.chat().maxParties(),
                config.agent().maxChats(), defaultQueue, queues, config.routing().lastAgentTtl().toMillis()));
    }
}
