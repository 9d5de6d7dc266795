package io.parley.push.bayeux;

import java.util.Set;

/**
 * Whom a Bayeux session belongs to: the address of the notification log it reads (the token's user or customer)
 * and the one channel that user may subscribe to.
 */
public record BayeuxUser(String address, String channel) {

    /** GWS agents' channels: chats, the agent's own channel states, and the wildcard over both. */
    private static final String AGENT_CHATS = "/v2/me/chats";
    private static final Set<String> AGENT_ALSO = Set.of("/v2/me/channels", "/v2/me/*");

    /**
     * Whether the user may subscribe to {@code subscription}. A session has one delivery switch: any of these
     * subscriptions turns it on, and each notification arrives on its own channel, where the client's listeners
     * for that channel take it.
     */
    public boolean mayFollow(String subscription) {
        return channel.equals(subscription) || channel.equals(AGENT_CHATS) && AGENT_ALSO.contains(subscription);
    }
}
