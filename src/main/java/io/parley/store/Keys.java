package io.parley.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.chat.Recipient;

/**
 * Every Redis key and channel Parley uses, each with the hash tag that decides its Redis Cluster slot: a chat's keys
 * share {@code {chatId}}, a recipient's log keys {@code {address}}, a user's document, channel state and desk
 * {@code {user:id}}, the user directory {@code {directory}}; the ready set, offer timers and outbox markers are
 * split into shards of their own. A script only ever touches keys of one tag.
 */
@ApplicationScoped
public class Keys {

    private final String prefix;
    private final Topology topology;

    Keys(ParleyConfig config, Topology topology) {
        this.prefix = config.redis().keyPrefix();
        this.topology = topology;
    }

    public String chat(String chatId) {
        return prefix + "chat:{" + chatId + "}";
    }

    public String transcript(String chatId) {
        return chat(chatId) + ":transcript";
    }

    /** The chat's decisions whose writes outside the chat are not all made yet, oldest first (relayed commits). */
    public String outbox(String chatId) {
        return chat(chatId) + ":outbox";
    }

    /** Who is relaying the chat's outbox now, so that two relays never apply its entries out of order. */
    public String relayClaim(String chatId) {
        return chat(chatId) + ":relay";
    }

    /** Chats whose outbox may hold entries, by the time to relay them if their committer did not: one per shard. */
    public String pendingOutboxes(int shard) {
        return prefix + "outbox:pending:{o" + shard + "}";
    }

    /** The capped notification log (a Stream) of one recipient. */
    public String log(Recipient recipient) {
        return prefix + "log:{" + recipient.address() + "}";
    }

    /**
     * The id of the last entry of {@link #log} a CometD client acknowledged, so that a handshake after a restart
     * resumes from it. One per recipient: several desktops of one user share it. Same hash tag as the log.
     */
    public String acknowledged(Recipient recipient) {
        return log(recipient) + ":acked";
    }

    /**
     * The last notification of each chat appended to {@link #log}, by chat id, so that a relayed step applied twice
     * (after a crash) appends nothing the second time. Same hash tag as the log.
     */
    public String delivered(Recipient recipient) {
        return log(recipient) + ":delivered";
    }

    public String user(String userId) {
        return userPrefix() + userId + USER_SUFFIX;
    }

    public String userName(String userName) {
        return prefix + "{directory}:username:" + userName;
    }

    public String users() {
        return prefix + "{directory}:users";
    }

    /** The agent's chat channel state: absent (LoggedOut), NotReady or Ready. Same hash tag as the user. */
    public String channel(String userId) {
        return user(userId) + CHANNEL_SUFFIX;
    }

    /**
     * The chats on an agent's desk (offered or joined), a hash: chat id to {@code 0} once the chat's commit put it
     * there, or to the deadline (epoch ms) of a reservation made before a relayed commit. Its size is the agent's
     * load. Same hash tag as the user.
     */
    public String desk(String userId) {
        return user(userId) + DESK_SUFFIX;
    }

    /**
     * The supervisors' standing monitorings of an agent, a hash: supervisor id to the monitoring's JSON. Same hash
     * tag as the user.
     */
    public String monitoredBy(String agentId) {
        return user(agentId) + ":monitored-by";
    }

    /** The agents a supervisor monitors, a set, so that their logout ends every monitoring. Same hash tag as the user. */
    public String monitoring(String supervisorId) {
        return user(supervisorId) + ":monitoring";
    }

    /** What comes before the user id in a user's keys (scripts that read users build the keys themselves). */
    public String userPrefix() {
        return prefix + "user:{";
    }

    /** What follows the user id in the user document's key. */
    public static final String USER_SUFFIX = "}";
    public static final String CHANNEL_SUFFIX = ":channel";
    public static final String DESK_SUFFIX = ":desk";

    /** The Ready agents whose id falls in {@code shard}: a hint for routing; the channel state is the truth. */
    public String readyAgents(int shard) {
        return prefix + "routing:ready:{r" + shard + "}";
    }

    public String readyAgentsOf(String userId) {
        return readyAgents(topology.shardOf(userId));
    }

    /** The agent a customer's chats go to first ({@code saveLAR}), by the customer's contact id; it expires. */
    public String lastAgent(String contactId) {
        return prefix + "routing:last-agent:" + contactId;
    }

    /** The waiting chats, oldest first: one slot, which only chats entering and leaving it touch. */
    public String queue() {
        return prefix + "routing:{queue}";
    }

    /** Pending offers by deadline: member {@code chatId|userId}, score the deadline in epoch millis; one per shard. */
    public String offerTimers(int shard) {
        return prefix + "offers:timers:{t" + shard + "}";
    }

    public String offerTimersOf(String chatId) {
        return offerTimers(topology.shardOf(chatId));
    }

    /** A session opened by a Basic sign-in, by its cookie's value. */
    public String session(String sessionId) {
        return prefix + "session:" + sessionId;
    }

    /** Failed password checks of one user name lately (a counter that expires). */
    public String signInFailures(String userName) {
        return prefix + "signin-failures:" + userName;
    }

    public String wakeChannel() {
        return prefix + "wake";
    }
}
