package io.parley.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.chat.Recipient;

/**
 * Every Redis key and channel Parley uses. The keys of one chat share the hash tag {@code {chatId}}, so one script
 * can touch them all on a Redis Cluster node.
 */
@ApplicationScoped
public class Keys {

    private final String prefix;

    Keys(ParleyConfig config) {
        this.prefix = config.redis().keyPrefix();
    }

    public String chat(String chatId) {
        return prefix + "chat:{" + chatId + "}";
    }

    public String transcript(String chatId) {
        return chat(chatId) + ":transcript";
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

    public String user(String userId) {
        return userPrefix() + userId;
    }

    public String userName(String userName) {
        return prefix + "username:" + userName;
    }

    public String users() {
        return prefix + "users";
    }

    /** The agent's chat channel state: absent (LoggedOut), NotReady or Ready. */
    public String channel(String userId) {
        return prefix + "agent:" + userId + ":channel";
    }

    /** The chats on an agent's desk (offered or joined); its size is the agent's load. */
    public String desk(String userId) {
        return deskPrefix() + userId + DESK_SUFFIX;
    }

    /** What comes before the user id in a desk key (scripts that scan desks build the keys themselves). */
    public String deskPrefix() {
        return prefix + "agent:";
    }

    public static final String DESK_SUFFIX = ":desk";

    public String readyAgents() {
        return prefix + "routing:ready";
    }

    /** The agent a customer's chats go to first ({@code saveLAR}), by the customer's contact id; it expires. */
    public String lastAgent(String contactId) {
        return prefix + "routing:last-agent:" + contactId;
    }

    /** What comes before the user id in a user key (scripts that read users build the keys themselves). */
    public String userPrefix() {
        return prefix + "user:";
    }

    public String queue() {
        return prefix + "routing:queue";
    }

    /** Pending offers by deadline: member {@code chatId|userId}, score the deadline in epoch millis. */
    public String offerTimers() {
        return prefix + "offers:timers";
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
