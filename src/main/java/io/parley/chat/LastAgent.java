package io.parley.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Last agent routing: {@code saveLAR} on Accept or Complete remembers the agent as the customer's last agent, and
 * routing offers that customer's next chat to that agent first while Ready with room
 * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete). The customer is known by the contact id
 * attached as userData ({@link Routing#CONTACT_KEY}); a chat without one has nobody to remember the agent for.
 */
final class LastAgent {

    private LastAgent() {
    }

    static Outcome remember(boolean save, String userId, Policy policy, Outcome outcome) {
        if (!save || !(outcome instanceof Outcome.Applied applied)) {
            return outcome;
        }
        return Routing.contactOf(applied.chat()).<Outcome>map(contact -> {
            List<Effect> effects = new ArrayList<>(applied.effects());
            effects.add(new Effect.RememberLastAgent(contact, userId, policy.lastAgentTtlMillis()));
            return new Outcome.Applied(applied.chat(), applied.referenceId(), applied.messages(),
                    applied.deliveries(), List.copyOf(effects), applied.conditions());
        }).orElse(outcome);
    }
}
