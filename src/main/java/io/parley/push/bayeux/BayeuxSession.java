package io.parley.push.bayeux;

import java.util.HashMap;
import java.util.Map;

/**
 * One client's Bayeux session as the protocol sees it, immutable: every change is a new session.
 *
 * <p>Positions are ids of the user's notification log. {@code cursor} is the last entry sent; {@code acked} the
 * last entry the client acknowledged. Each connect reply is a numbered batch; with the acknowledge extension the
 * server remembers the last entry of each batch until the client names it in a later connect, and a connect
 * always resumes after what was acknowledged, so whatever a lost reply carried is sent again. Without the
 * extension a batch counts as acknowledged once sent.
 *
 * <p>Only a batch this session sent can be acknowledged: the acknowledged position never passes what was sent to
 * this session, so a client that names a batch from the future (or one of another session) loses nothing by it.
 *
 * @param bound the browser or WebSocket the session was handshaken through, the only one it answers
 * @param batch the number of the last batch sent (0 before the first)
 * @param unacked batch number → the last entry id it covered, for batches sent and not yet acknowledged
 */
public record BayeuxSession(String clientId, BayeuxUser user, Connection bound, boolean acks, boolean subscribed,
        String acked, String cursor, long batch, Map<Long, String> unacked) {

    /** Most batches kept awaiting acknowledgement; a client acknowledges each on its next connect. */
    static final int MAX_PENDING = 32;

    public BayeuxSession {
        unacked = Map.copyOf(unacked);
    }

    /** A new session, bound to {@code bound}, whose delivery starts after {@code start}. */
    public static BayeuxSession start(String clientId, BayeuxUser user, Connection bound, boolean acks,
            String start) {
        return new BayeuxSession(clientId, user, bound, acks, false, start, start, 0, Map.of());
    }

    public BayeuxSession subscribed(boolean on) {
        return new BayeuxSession(clientId, user, bound, acks, on, acked, cursor, batch, unacked);
    }

    /**
     * The client received every batch up to {@code received}: what they carried is acknowledged, and delivery
     * resumes right after it, so that batches sent after it (lost on the way) are sent again. A number this session
     * has not reached yet names no batch it sent: it acknowledges nothing and sends nothing again, and what was sent
     * stays pending until a real acknowledgement.
     */
    public BayeuxSession acknowledge(long received) {
        if (!acks || received > batch) {
            return this;
        }
        String upTo = unacked.getOrDefault(received, acked);
        return new BayeuxSession(clientId, user, bound, acks, subscribed, upTo, upTo, batch, Map.of());
    }

    /**
     * A connect reply is being sent with entries up to {@code lastId} (null when it carries none): it becomes the
     * next batch.
     */
    public BayeuxSession sent(String lastId) {
        String upTo = lastId == null ? cursor : lastId;
        long next = batch + 1;
        if (!acks) {
            return new BayeuxSession(clientId, user, bound, false, subscribed, upTo, upTo, next, Map.of());
        }
        Map<Long, String> pending = new HashMap<>(unacked);
        pending.put(next, upTo);
        // a client that never names a batch it received must not grow the session; naming a forgotten batch later
        // only resends from the acknowledged position
        pending.keySet().removeIf(number -> number <= next - MAX_PENDING);
        return new BayeuxSession(clientId, user, bound, true, subscribed, acked, upTo, next, pending);
    }
}
