package io.parley.push;

import java.util.function.Consumer;

import io.parley.chat.Recipient;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * One client's Server-Sent Events connection. It tracks the id of the last log entry it sent and, whenever woken,
 * sends what follows in the recipient's log: the log is the truth, so a wake-up that arrives twice or late never
 * makes it miss or repeat an entry. One read at a time per connection.
 */
final class SseStream {

    private static final int PAGE = 200;

    private final HttpServerResponse response;
    private final Recipient recipient;
    private final String logKey;
    private final String event;
    private final Redis redis;
    private String cursor;
    private boolean reading;
    private boolean wokenWhileReading;
    private boolean closed;

    SseStream(HttpServerResponse response, Recipient recipient, String logKey, String event, Redis redis) {
        this.response = response;
        this.recipient = recipient;
        this.logKey = logKey;
        this.event = event;
        this.redis = redis;
    }

    Recipient recipient() {
        return recipient;
    }

    /**
     * Starts after {@code lastEventId}, or after the newest entry when the client has none; tells the client to
     * resync first if entries after its id were already trimmed away.
     */
    void start(String lastEventId) {
        synchronized (this) {
            reading = true;
        }
        // XINFO fails on a log that does not exist yet: then nothing was ever written or trimmed
        send(Request.cmd(Command.XINFO).arg("STREAM").arg(logKey), info -> begin(info, lastEventId), failure -> {
            if (String.valueOf(failure.getMessage()).contains("no such key")) {
                begin(null, lastEventId);
            } else {
                // without a starting point nothing can be promised: the client reconnects with its last id
                response.close();
            }
        });
    }

    private void begin(Response info, String lastEventId) {
        String newest = info == null ? "0-0" : field(info, "last-generated-id", "0-0");
        String trimmedUpTo = info == null ? "0-0" : field(info, "max-deleted-entry-id", "0-0");
        if (lastEventId == null) {
            cursor = newest;
        } else {
            cursor = lastEventId;
            if (StreamIds.compare(trimmedUpTo, lastEventId) > 0) {
                write("event: resync\ndata: {\"reason\":\"entries after " + lastEventId
                        + " are no longer retained\"}\n\n");
            }
        }
        read();
    }

    /** New entries may be in the log. */
    void wake() {
        synchronized (this) {
            if (reading) {
                wokenWhileReading = true;
                return;
            }
            reading = true;
        }
        read();
    }

    private void read() {
        send(Request.cmd(Command.XRANGE).arg(logKey).arg("(" + cursor).arg("+").arg("COUNT").arg(PAGE), entries -> {
            int count = entries == null ? 0 : entries.size();
            if (count > 0) {
                StringBuilder frames = new StringBuilder();
                for (Response entry : entries) {
                    String id = entry.get(0).toString();
                    frames.append("id: ").append(id).append('\n')
                            .append("event: ").append(event).append('\n')
                            .append("data: ").append(entry.get(1).get(1).toString()).append("\n\n");
                    cursor = id;
                }
                write(frames.toString());
            }
            if (count == PAGE) {
                read();
                return;
            }
            boolean again;
            synchronized (this) {
                again = wokenWhileReading;
                wokenWhileReading = false;
                reading = again;
            }
            if (again) {
                read();
            }
        });
    }

    void heartbeat() {
        write(": keep-alive\n\n");
    }

    void close() {
        closed = true;
    }

    private void write(String frames) {
        if (!closed && !response.closed()) {
            response.write(frames);
        }
    }

    /** Runs a Redis command; after a failure the read is tried again at the next wake-up. */
    private void send(Request request, Consumer<Response> then) {
        send(request, then, failure -> {
            synchronized (this) {
                reading = false;
                wokenWhileReading = false;
            }
        });
    }

    private void send(Request request, Consumer<Response> then, Consumer<Throwable> otherwise) {
        if (closed) {
            return;
        }
        redis.send(request).subscribe().with(then::accept, otherwise::accept);
    }

    /** A field of an XINFO reply, which is a map in RESP3 and a flat name/value list in RESP2. */
    private static String field(Response info, String name, String absent) {
        Response value;
        try {
            value = info.get(name);
        } catch (RuntimeException notAMap) {
            value = null;
            for (int i = 0; i + 1 < info.size(); i += 2) {
                if (name.equals(info.get(i).toString())) {
                    value = info.get(i + 1);
                }
            }
        }
        return value == null ? absent : value.toString();
    }
}
