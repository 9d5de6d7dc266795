package io.parley.push;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.chat.Recipient;
import io.parley.push.bayeux.Bayeux;
import io.parley.push.bayeux.BayeuxMessage;
import io.parley.push.bayeux.BayeuxSession;
import io.parley.push.bayeux.BayeuxUser;
import io.parley.push.bayeux.Connection;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * A Bayeux session alive on this push instance: the protocol's {@link BayeuxSession}, the connect it is holding
 * (at most one), and when the client was last heard of. Woken like an SSE stream, it reads the log after its
 * cursor and answers the held connect with what it found. Everything that changes the session happens under its
 * lock, so a subscribe and a connect arriving on two HTTP connections at once cannot undo each other.
 */
final class OpenSession implements Subscriber {

    /** Most notifications sent in one connect reply; the next connect picks up the rest at once. */
    static final int PAGE = 100;

    /** A connect waiting for notifications or its timeout. */
    static final class Held {
        private final ObjectNode reply;
        private final boolean immediate;
        private final Promise<List<ObjectNode>> answer = Promise.promise();
        private long timer = -1;

        private Held(ObjectNode reply, boolean immediate) {
            this.reply = reply;
            this.immediate = immediate;
        }

        Future<List<ObjectNode>> answer() {
            return answer.future();
        }
    }

    private final NotificationLog log;
    private final Vertx vertx;
    private final Bayeux.Settings settings;
    private final AcknowledgedPositions positions;
    /** Most bytes of notifications in one connect reply (but at least one notification). */
    private final int maxBatchBytes;
    private BayeuxSession state;
    private Held held;
    private long lastSeen;
    /** When the user's acknowledged position was last kept or extended on this session's behalf. */
    private long keptAt;
    private boolean reading;
    private boolean wokenWhileReading;
    private boolean ended;

    OpenSession(BayeuxSession state, NotificationLog log, Vertx vertx, Bayeux.Settings settings,
            AcknowledgedPositions positions, int maxBatchBytes) {
        this.state = state;
        this.maxBatchBytes = maxBatchBytes;
        this.log = log;
        this.vertx = vertx;
        this.settings = settings;
        this.positions = positions;
        this.lastSeen = System.currentTimeMillis();
        // the handshake kept the position, or gave the kept one a new life
        this.keptAt = lastSeen;
    }

    @Override
    public Recipient recipient() {
        return new Recipient(user().address());
    }

    synchronized BayeuxUser user() {
        return state.user();
    }

    synchronized String clientId() {
        return state.clientId();
    }

    /**
     * Applies one message (not a handshake). Answers at once, or for a connect when there is something to send or
     * the timeout passed; {@code onHold} learns of a held connect so that its transport can cancel it.
     */
    Future<List<ObjectNode>> receive(BayeuxMessage message, List<BayeuxUser> requesters, Connection arrival,
            Consumer<Held> onHold, Runnable onDisconnect) {
        Bayeux.Step step;
        Held previous = null;
        Held mine = null;
        BayeuxSession acknowledged = null;
        BayeuxSession extended = null;
        boolean subscribedNow = false;
        synchronized (this) {
            long now = System.currentTimeMillis();
            step = Bayeux.receive(ended ? null : state, message, requesters, arrival, settings);
            if (step instanceof Bayeux.Step.Answer answer && answer.session() != null) {
                subscribedNow = answer.session().subscribed() && !state.subscribed();
                state = answer.session();
            } else if (step instanceof Bayeux.Step.Hold hold) {
                if (!hold.session().acked().equals(state.acked())) {
                    acknowledged = hold.session();
                    keptAt = now;
                } else if (hold.session().acks() && now - keptAt >= positions.lifespan() / 2) {
                    // an idle desktop moves no position: its user's must not lapse while it is alive
                    extended = hold.session();
                    keptAt = now;
                }
                state = hold.session();
                previous = held;
                mine = new Held(hold.reply(), hold.timeout() == 0);
                held = mine;
                Held timed = mine;
                if (hold.timeout() > 0) {
                    mine.timer = vertx.setTimer(hold.timeout(), id -> complete(timed, List.of()));
                }
            }
            lastSeen = now;
        }
        if (acknowledged != null) {
            positions.keep(acknowledged);
        } else if (extended != null) {
            positions.extend(extended);
        }
        if (previous != null) {
            // a client holds one connect at a time: a new one means the old one's connection is gone
            previous.answer.tryComplete(List.of(previous.reply));
        }
        if (step instanceof Bayeux.Step.Disconnected) {
            end();
            onDisconnect.run();
        }
        if (subscribedNow) {
            // a connect held before the subscription has the log to read now, not only what arrives from here on
            wake();
        }
        if (mine == null) {
            return Future.succeededFuture(List.of(step.reply()));
        }
        onHold.accept(mine);
        read(mine);
        return mine.answer();
    }

    @Override
    public void wake() {
        Held waiting;
        synchronized (this) {
            waiting = held;
        }
        if (waiting != null) {
            read(waiting);
        }
    }

    private void read(Held waiting) {
        String from;
        synchronized (this) {
            if (held != waiting) {
                return;
            }
            if (!state.subscribed()) {
                // unsubscribed, the cursor stays put: nothing to read until the client subscribes again
                if (!waiting.immediate) {
                    return;
                }
                from = null;
            } else if (reading) {
                wokenWhileReading = true;
                return;
            } else {
                reading = true;
                from = state.cursor();
            }
        }
        if (from == null) {
            complete(waiting, List.of());
            return;
        }
        readFrom(waiting, from);
    }

    private void readFrom(Held waiting, String from) {
        log.after(from, PAGE).subscribe().with(entries -> {
            boolean again;
            boolean current;
            synchronized (this) {
                reading = false;
                again = wokenWhileReading;
                wokenWhileReading = false;
                current = held == waiting;
            }
            if (current && (!entries.isEmpty() || waiting.immediate)) {
                complete(waiting, fitting(entries, maxBatchBytes));
            } else if (again || !current) {
                // woken meanwhile, or a newer connect arrived while this one was reading: read for that one
                wake();
            }
        }, failure -> {
            synchronized (this) {
                reading = false;
                wokenWhileReading = false;
            }
            // nothing is lost: the entries stay in the log for the next connect
            if (waiting.immediate) {
                complete(waiting, List.of());
            }
        });
    }

    /**
     * The first of {@code entries} whose JSON comes to at most {@code maxBytes} (at least the first): a connect
     * reply is written whole, and a client that stops reading must not make it hold more than that unsent.
     */
    static List<NotificationLog.Entry> fitting(List<NotificationLog.Entry> entries, int maxBytes) {
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += entries.get(i).json().length();
            if (bytes > maxBytes && i > 0) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }

    /** Answers a held connect with {@code entries} as its batch, unless it was answered or cancelled already. */
    private void complete(Held waiting, List<NotificationLog.Entry> entries) {
        List<ObjectNode> messages;
        synchronized (this) {
            if (held != waiting) {
                return;
            }
            held = null;
            vertx.cancelTimer(waiting.timer);
            state = state.sent(entries.isEmpty() ? null : entries.getLast().id());
            messages = new ArrayList<>(entries.size() + 1);
            for (NotificationLog.Entry entry : entries) {
                messages.add(Bayeux.delivery(entry.channel(state.user().channel()), entry.id(), entry.json()));
            }
            messages.add(Bayeux.connected(waiting.reply, state));
            lastSeen = System.currentTimeMillis();
        }
        // outside the lock: completing runs the transport's write
        waiting.answer.tryComplete(messages);
    }

    /** The transport of a held connect went away before it was answered: nothing was sent. */
    void cancel(Held waiting) {
        synchronized (this) {
            if (held != waiting) {
                return;
            }
            held = null;
            vertx.cancelTimer(waiting.timer);
            lastSeen = System.currentTimeMillis();
        }
        waiting.answer.tryComplete(List.of());
    }

    /** Disconnected or reaped: a held connect is answered, and the session answers nothing any more. */
    void end() {
        Held waiting;
        synchronized (this) {
            ended = true;
            waiting = held;
            held = null;
        }
        if (waiting != null) {
            vertx.cancelTimer(waiting.timer);
            waiting.answer.tryComplete(List.of(waiting.reply));
        }
    }

    /** Holds no connect and has not been heard of since {@code cutoff}. */
    synchronized boolean silentSince(long cutoff) {
        return held == null && lastSeen < cutoff;
    }
}
