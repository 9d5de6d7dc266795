package io.parley.chat;

import java.util.Set;

/**
 * The configurable limits and queues the chat rules enforce.
 *
 * @param queues every queue name a chat may be placed in, the default queue included
 * @param lastAgentTtlMillis how long a customer's last agent ({@code saveLAR}) is remembered
 */
public record Policy(long offerTimeoutMillis, int maxParties, int maxChatsPerAgent, String defaultQueue,
        Set<String> queues, long lastAgentTtlMillis) {

    public static final String DEFAULT_QUEUE = "default";
    public static final long DEFAULT_LAST_AGENT_TTL = 7L * 24 * 3600 * 1000;

    public Policy {
        queues = Set.copyOf(queues);
        if (!queues.contains(defaultQueue)) {
            throw new IllegalArgumentException("The default queue must be one of the queues");
        }
    }

    /** Limits only, with the default queue alone. */
    public Policy(long offerTimeoutMillis, int maxParties, int maxChatsPerAgent) {
        this(offerTimeoutMillis, maxParties, maxChatsPerAgent, DEFAULT_QUEUE, Set.of(DEFAULT_QUEUE),
                DEFAULT_LAST_AGENT_TTL);
    }

    /** Whether one more party may join or be asked to join the chat, counted as {@link Chat#partyCount()} counts. */
    public boolean admitsAnotherParty(Chat chat) {
        return chat.partyCount() < maxParties;
    }

    public boolean knowsQueue(String name) {
        return queues.contains(name);
    }
}
