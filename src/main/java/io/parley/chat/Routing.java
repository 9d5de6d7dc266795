package io.parley.chat;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Which Ready agent a waiting chat is offered to: the customer's last agent if among them with room, else the
 * least loaded one with room; never one who declined it.
 */
public final class Routing {

    private Routing() {
    }

    public static Optional<String> choose(Collection<AgentLoad> readyAgents, Set<String> declinedBy, int maxChats) {
        return choose(readyAgents, null, declinedBy, maxChats);
    }

    public static Optional<String> choose(Collection<AgentLoad> readyAgents, String lastAgent, Set<String> declinedBy,
            int maxChats) {
        var candidates = readyAgents.stream()
                .filter(agent -> agent.chats() < maxChats)
                .filter(agent -> !declinedBy.contains(agent.userId()))
                .toList();
        if (lastAgent != null && candidates.stream().anyMatch(agent -> agent.userId().equals(lastAgent))) {
            return Optional.of(lastAgent);
        }
        return candidates.stream()
                .min(Comparator.comparingInt(AgentLoad::chats).thenComparing(AgentLoad::userId))
                .map(AgentLoad::userId);
    }

    /**
     * The queue a chat waits in, if any. A chat stored before queues existed waits, while Queued, in the default
     * queue.
     */
    public static Optional<Waiting> waitingOf(Chat chat, String defaultQueue) {
        if (chat.waiting() != null) {
            return Optional.of(chat.waiting());
        }
        return chat.status() == ChatStatus.Queued
                ? Optional.of(new Waiting(defaultQueue, InvitationKind.Routing, null, 0))
                : Optional.empty();
    }

    /** The customer's identity for last agent routing: the contact id GWS attaches as userData. */
    public static Optional<String> contactOf(Chat chat) {
        Object contact = chat.userData().get(CONTACT_KEY);
        return contact instanceof String id && !id.isBlank() ? Optional.of(id) : Optional.empty();
    }

    public static final String CONTACT_KEY = "ContactId";
}
