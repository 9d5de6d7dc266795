package io.parley.push;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.parley.chat.Recipient;
import io.parley.store.RedisFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One client's Server-Sent Events connection. It tracks the id of the last log entry it sent and, whenever woken,
 * sends what follows in the recipient's log: the log is the truth, so a wake-up that arrives twice or late never
 * makes it miss or repeat an entry. One read at a time per connection.
 * <p>
 * An entry handed over with its wake-up is written straight away, without reading the log back, but only when the
 * stream is sure nothing lies between its position and that entry: its last read reached the end of the log while
 * the current wake-up subscription was live ({@link Subscribers#subscription()}), and nothing is being read. In any
 * other case the entry only wakes the stream.
 * <p>
 * What it has written and its client has not taken yet is its {@link Backlog}. It writes no further than the
 * backlog's bound (one notification may cross it) and reads on from the log once the client has taken half; a
 * client that takes nothing for a keep-alive interval meanwhile is cut off, and resumes with {@code Last-Event-ID}.
 */
final class SseStream implements Subscriber {

    private static final Logger LOG = Logger.getLogger(SseStream.class);
    private static final int PAGE = 200;
    private static final long NOT_FOLLOWING = -1;

    private final HttpServerResponse response;
    private final Recipient recipient;
    private final NotificationLog log;
    private final String event;
    private final LongSupplier subscription;
    private final Backlog backlog;
    /** Told how many notifications each write carried. */
    private final IntConsumer delivered;
    private volatile String cursor;
    /** True from the start: until start() knows the position, a wake-up only notes that there is more to read. */
    private boolean reading = true;
    private boolean wokenWhileReading;
    /** The wake-up subscription during which the last read reached the end of the log, or NOT_FOLLOWING. */
    private long following = NOT_FOLLOWING;
    private volatile boolean closed;
    private volatile long lastWrite;

    SseStream(HttpServerResponse response, Recipient recipient, NotificationLog log, String event,
            LongSupplier subscription, Backlog backlog) {
        this(response, recipient, log, event, subscription, backlog, notifications -> {
        });
    }

    SseStream(HttpServerResponse response, Recipient recipient, NotificationLog log, String event,
            LongSupplier subscription, Backlog backlog, IntConsumer delivered) {
        this.delivered = delivered;
        this.response = response;
        this.recipient = recipient;
        this.log = log;
        this.event = event;
        this.subscription = subscription;
        this.backlog = backlog;
    }

    @Override
    public Recipient recipient() {
        return recipient;
    }

    /**
     * Starts after {@code lastEventId}, or after the newest entry when the client has none; tells the client to
     * resync first if entries after its id were already trimmed away, or if the log never issued that id (newer
     * than anything it ever held: lost with Redis's data, say), in which case it goes on from the newest entry.
     * The {@code : subscribed} comment goes out once the position is known, so whatever is committed after a
     * client has seen it reaches that client. Without a position nothing can be promised: {@code unavailable}
     * answers the request instead.
     * <p>
     * The stream may already be among the subscribers: wake-ups until then are noted, never read on, because a
     * read needs the position and two reads at once would send the same entries twice.
     */
    void start(String lastEventId, Consumer<Throwable> unavailable) {
        send(log.head(), head -> begin(head, lastEventId), unavailable);
    }

    private void begin(NotificationLog.Head head, String lastEventId) {
        write(": subscribed\n\n");
        if (lastEventId == null) {
            cursor = head.newest();
        } else if (head.neverIssued(lastEventId)) {
            // following from there would wait for ids the log has not reached: silence, maybe for years
            cursor = head.newest();
            write("event: resync\ndata: {\"reason\":\"" + lastEventId
                    + " is newer than anything in the log\"}\n\n");
        } else {
            cursor = lastEventId;
            if (head.lostAfter(lastEventId)) {
                write("event: resync\ndata: {\"reason\":\"entries after " + lastEventId
                        + " are no longer retained\"}\n\n");
            }
        }
        read();
    }

    @Override
    public void wake() {
        synchronized (this) {
            if (reading) {
                wokenWhileReading = true;
                return;
            }
            reading = true;
            following = NOT_FOLLOWING;
        }
        read();
    }

    @Override
    public void deliver(NotificationLog.Entry entry) {
        synchronized (this) {
            long live = subscription.getAsLong();
            // over the bound it writes nothing more: the read that follows waits for the client
            if (!reading && live != 0 && following == live && !backlog.over()) {
                if (StreamIds.compare(entry.id(), cursor) > 0) {
                    // written under the lock, so that writes keep the log's order whichever thread makes them
                    StringBuilder frame = new StringBuilder(entry.json().length() + 64);
                    write(frame(frame, entry).toString());
                    delivered.accept(1);
                    cursor = entry.id();
                }
                return;
            }
        }
        wake();
    }

    private void read() {
        long during = subscription.getAsLong();
        send(log.after(cursor, PAGE), entries -> {
            StringBuilder frames = new StringBuilder();
            int framed = 0;
            // checked before each entry, so that one entry larger than the bound still goes out
            while (framed < entries.size() && !backlog.over(frames.length())) {
                NotificationLog.Entry entry = entries.get(framed++);
                frame(frames, entry);
                cursor = entry.id();
            }
            if (framed > 0) {
                write(frames.toString());
                delivered.accept(framed);
            }
            if (framed < entries.size()) {
                // the client is not taking what it was sent: read on from the cursor once it has taken half
                backlog.whenTaken(this::read);
                return;
            }
            if (entries.size() == PAGE) {
                read();
                return;
            }
            boolean again;
            synchronized (this) {
                again = wokenWhileReading;
                wokenWhileReading = false;
                reading = again;
                following = again ? NOT_FOLLOWING : during;
            }
            if (again) {
                read();
            }
        }, failure -> {
            // the read is tried again at the next wake-up
            LOG.warnf("Reading a notification log failed, retrying at the next wake-up: %s",
                    RedisFailure.describe(failure));
            synchronized (this) {
                reading = false;
                wokenWhileReading = false;
                following = NOT_FOLLOWING;
            }
        });
    }

    private StringBuilder frame(StringBuilder frames, NotificationLog.Entry entry) {
        return frames.append("id: ").append(entry.id()).append('\n')
                .append("event: ").append(entry.channel(event)).append('\n')
                .append("data: ").append(entry.json()).append("\n\n");
    }

    /**
     * Called every interval. A comment line, unless something was written within the last half interval anyway: a
     * stream is then never silent for more than one and a half intervals. A client that the stream waits for and
     * that has taken nothing since the last call is cut off: what it has not taken stays in the log, and it gets it
     * when it resumes with {@code Last-Event-ID}.
     */
    void heartbeat(long everyMillis) {
        if (backlog.stalled()) {
            cutOff();
        } else if (System.currentTimeMillis() - lastWrite >= everyMillis / 2 && !backlog.over()) {
            write(": keep-alive\n\n");
        }
    }

    void close() {
        closed = true;
    }

    private void cutOff() {
        if (!closed) {
            closed = true;
            LOG.debugf("Closing a notification stream of %s: its client took none of %d bytes for an interval",
                    recipient.address(), backlog.unsent());
            response.close();
        }
    }

    private void write(String frames) {
        if (!closed && !response.closed()) {
            lastWrite = System.currentTimeMillis();
            Buffer bytes = Buffer.buffer(frames);
            int length = bytes.length();
            backlog.written(length);
            // completed once the bytes left for the client, or were dropped with the connection
            response.write(bytes).onComplete(done -> backlog.taken(length));
        }
    }

    private <T> void send(Uni<T> command, Consumer<T> then, Consumer<Throwable> otherwise) {
        if (closed) {
            return;
        }
        command.subscribe().with(then, otherwise);
    }
}
