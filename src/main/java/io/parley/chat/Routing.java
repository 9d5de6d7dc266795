package io.parley.chat;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** Which Ready agent a waiting chat is offered to: the least loaded one with room, who has not declined it. */
public final class Routing {

    private Routing() {
    }

    public static Optional<String> choose(Collection<AgentLoad> readyAgents, Set<String> declinedBy, int maxChats) {
        return readyAgents.stream()
                .filter(agent -> agent.chats() < maxChats)
                .filter(agent -> !declinedBy.contains(agent.userId()))
                .min(Comparator.comparingInt(AgentLoad::chats).thenComparing(AgentLoad::userId))
                .map(AgentLoad::userId);
    }
}
