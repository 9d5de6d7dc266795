package io.parley.push;

import java.util.ArrayList;
import java.util.List;

import io.parley.user.ChannelsChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * One recipient's notification log (a Redis Stream) as every push transport reads it: where it stands, and the
 * entries after a position. Both SSE streams and Bayeux sessions read through here, so there is one way of
 * reading from a cursor.
 */
final class NotificationLog {

    /** One notification: its log id (the position) and its JSON, sent to clients unmodified. */
    record Entry(String id, String json) {

        /** The channel this entry travels on: a channel state change on its own, the rest on the caller's. */
        String channel(String callersChannel) {
            return json.startsWith(ChannelsChanged.JSON_START) ? ChannelsChanged.CHANNEL : callersChannel;
        }
    }

    /**
     * The newest id ever written, and the oldest id the log still holds (null when it holds none: nothing was
     * written yet, or retention trimmed everything).
     */
    record Head(String newest, String oldest) {

        static final Head EMPTY = new Head("0-0", null);

        /**
         * Whether entries after {@code id} may have been trimmed before anyone could read them. Redis does not
         * record what trimming removed (XINFO's max-deleted-entry-id counts XDEL only), so this compares with the
         * oldest entry held: an id older than it may have had successors that are gone. The one id this cannot
         * tell apart is the very last entry trimmed, whose client missed nothing; it is told to resync too.
         */
        boolean lostAfter(String id) {
            return StreamIds.compare(oldest == null ? newest : oldest, id) > 0;
        }

        /**
         * Whether {@code id} is newer than anything this log ever held, so it cannot have issued it: the log was
         * lost with Redis's data (a log that no longer exists has issued nothing), or the id is not one of ours.
         */
        boolean neverIssued(String id) {
            return StreamIds.compare(id, newest) > 0;
        }
    }

    private final Redis redis;
    private final String key;

    NotificationLog(Redis redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    String key() {
        return key;
    }

    Uni<Head> head() {
        return redis.send(Request.cmd(Command.XINFO).arg("STREAM").arg(key))
                .map(info -> new Head(field(info, "last-generated-id", "0-0"), firstId(info)))
                // XINFO fails on a log that does not exist yet: then nothing was ever written or trimmed
                .onFailure(failure -> String.valueOf(failure.getMessage()).contains("no such key"))
                .recoverWithItem(Head.EMPTY);
    }

    /** At most {@code max} entries after {@code cursor}, oldest first. */
    Uni<List<Entry>> after(String cursor, int max) {
        return redis.send(Request.cmd(Command.XRANGE).arg(key).arg("(" + cursor).arg("+").arg("COUNT").arg(max))
                .map(entries -> {
                    List<Entry> read = new ArrayList<>(entries == null ? 0 : entries.size());
                    if (entries != null) {
                        for (Response entry : entries) {
                            read.add(new Entry(entry.get(0).toString(), entry.get(1).get(1).toString()));
                        }
                    }
                    return read;
                });
    }

    /** The id of XINFO's {@code first-entry} ({@code [id, fields]}), or null when the log holds nothing. */
    private static String firstId(Response info) {
        Response first = field(info, "first-entry");
        return first == null || first.size() == 0 ? null : first.get(0).toString();
    }

    /** A field of an XINFO reply, which is a map in RESP3 and a flat name/value list in RESP2. */
    private static String field(Response info, String name, String absent) {
        Response value = field(info, name);
        return value == null ? absent : value.toString();
    }

    private static Response field(Response info, String name) {
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
        return value;
    }
}
