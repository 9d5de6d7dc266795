package io.parley;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.parley.chat.ChatRules;
import io.parley.chat.Policy;

/** Gives the pure chat rules the configured limits. */
public class RulesProducer {

    @Produces
    @Singleton
    ChatRules chatRules(ParleyConfig config) {
        return new ChatRules(new Policy(config.offer().timeout().toMillis(), config.chat().maxParties(),
                config.agent().maxChats()));
    }
}
