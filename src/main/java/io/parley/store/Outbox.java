package io.parley.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.ParleyConfig.RedisSettings.CrashPoint;
import io.parley.chat.Message;
import io.parley.chat.Recipient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Relayed commits, for a Redis Cluster, where one script cannot reach every key a decision writes. The protocol
 * (README, "How it works"):
 * <ol>
 * <li>mark the chat as having outbox work (a sharded marker that outlives a crashed committer), and reserve a place
 * on each target agent's desk, checking readiness and capacity in the agent's own slot;</li>
 * <li>commit the chat, its transcript and one outbox entry holding every write outside the chat, in the chat's
 * slot, with the version check; the committer also claims the right to relay the outbox;</li>
 * <li>the claim's holder applies the entries' steps oldest first, each step atomic in its own slot and idempotent
 * (notifications carry a per-chat sequence the recipient's log remembers), then drops the entries;</li>
 * <li>a sweep relays the outboxes whose markers are due: their committer died, or left its entry to another's
 * claim.</li>
 * </ol>
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** How long a relay may take before another may take over the outbox. */
    static final Duration CLAIM = Duration.ofSeconds(5);
    /**
     * When a marker falls due for the sweep: long enough that its committer has committed (or given up) and
     * relayed, so that the sweep only meets outboxes nobody else is relaying.
     */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** How long a desk reservation holds without its commit's confirmation (the committer died before committing). */
    static final Duration RESERVATION = Duration.ofSeconds(30);
    private static final int SWEEP_BATCH = 100;

    private final Redis redis;
    private final Keys keys;
    private final Json json;
    private final Writes writes;
    private final Topology topology;
    private final ParleyConfig config;
    private final LuaScript reserveScript = LuaScript.load("relay-reserve.lua");
    private final LuaScript unreserveScript = LuaScript.load("relay-unreserve.lua");
    private final LuaScript commitScript = LuaScript.load("relay-commit.lua");
    private final LuaScript claimScript = LuaScript.load("relay-claim.lua");
    private final LuaScript doneScript = LuaScript.load("relay-done.lua");
    private final LuaScript deliverScript = LuaScript.load("relay-deliver.lua");
    private final LuaScript changeScript = LuaScript.load("apply-change.lua");

    Outbox(Redis redis, Keys keys, Json json, Writes writes, Topology topology, ParleyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.writes = writes;
        this.topology = topology;
        this.config = config;
    }

    ChatRepository.CommitResult commit(Commit commit, long expectedVersion, String document, String baseUrl,
            List<Message> messages) {
        String chatId = commit.chatId();
        String token = freshToken();
        String marker = chatId + "|" + token;
        long now = System.currentTimeMillis();
        String deadline = Long.toString(now + RESERVATION.toMillis());
        List<Commit.Check> checks = commit.checks();

        List<Uni<Response>> before = new ArrayList<>();
        before.add(writes.send(Request.cmd(Command.ZADD).arg(pending(chatId)).arg(now + GRACE.toMillis())
                .arg(marker)));
        for (Commit.Check check : checks) {
            before.add(writes.run(reserveScript, List.of(keys.channel(check.userId()), keys.desk(check.userId())),
                    List.of(chatId, check.mustBeReady() ? "1" : "0", Integer.toString(check.maxChats()),
                            check.tracks() ? "1" : "0", deadline)));
        }
        List<Response> ready = Uni.join().all(before).andFailFast().await().indefinitely();
        List<String> reserved = new ArrayList<>();
        boolean holds = true;
        for (int i = 0; i < checks.size(); i++) {
            String answer = ready.get(i + 1).toString();
            if ("RESERVED".equals(answer)) {
                reserved.add(checks.get(i).userId());
            }
            holds &= !"NOT_READY".equals(answer) && !"FULL".equals(answer);
        }
        if (!holds) {
            giveBack(chatId, reserved, deadline, marker);
            return ChatRepository.CommitResult.CONDITION_FAILED;
        }

        OutboxEntry entry = commit.entry(expectedVersion + 1);
        List<String> args = new ArrayList<>(List.of(Long.toString(expectedVersion), document, baseUrl,
                Long.toString(commit.expireAfterMillis()), token, Long.toString(CLAIM.toMillis()),
                entry.writesNothing() ? "" : json.write(entry), Integer.toString(messages.size())));
        messages.forEach(message -> args.add(json.write(message)));
        Response reply = writes.runAndAwait(commitScript, List.of(keys.chat(chatId), keys.transcript(chatId),
                keys.outbox(chatId), keys.relayClaim(chatId)), args);
        if (!"OK".equals(reply.get(0).toString())) {
            giveBack(chatId, reserved, deadline, marker);
            return ChatRepository.CommitResult.CONFLICT;
        }
        crashAt(CrashPoint.after_commit);
        if (reply.get(2).toInteger() == 1) {
            try {
                if (relay(chatId, token, entries(reply, 3))) {
                    forget(chatId, marker);
                }
            } catch (RuntimeException e) {
                // committed all the same: the marker brings the sweep, which relays what is left
                LOG.warnf("Relaying chat %s stopped, the sweep will finish it: %s", chatId, RedisFailure.describe(e));
            }
        }
        return ChatRepository.CommitResult.COMMITTED;
    }

    /** Undoes the reservations and the marker of a commit that did not happen. */
    private void giveBack(String chatId, List<String> reserved, String deadline, String marker) {
        List<Uni<Response>> undo = new ArrayList<>();
        for (String userId : reserved) {
            undo.add(unreserveScript.send(redis, List.of(keys.desk(userId)), List.of(chatId, deadline)));
        }
        undo.add(redis.send(Request.cmd(Command.ZREM).arg(pending(chatId)).arg(marker)));
        Uni.join().all(undo).andFailFast().await().indefinitely();
    }

    private void forget(String chatId, String marker) {
        redis.send(Request.cmd(Command.ZREM).arg(pending(chatId)).arg(marker)).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Marker of chat %s left for the sweep: %s", chatId, failure));
    }

    private String pending(String chatId) {
        return keys.pendingOutboxes(topology.shardOf(chatId));
    }

    /**
     * Applies the given entries (the outbox as claimed, oldest first), then drops them; goes on with entries
     * committed meanwhile by writers who found the claim taken.
     *
     * @return true if the outbox was left empty, false if the claim lapsed and another relay took over
     */
    private boolean relay(String chatId, String token, List<String> entries) {
        List<String> batch = entries;
        while (true) {
            for (String raw : batch) {
                apply(chatId, json.read(raw, OutboxEntry.class));
            }
            Response done = doneScript.run(redis, List.of(keys.outbox(chatId), keys.relayClaim(chatId)),
                    List.of(token, Integer.toString(batch.size()), Long.toString(CLAIM.toMillis())));
            switch (done.get(0).toString()) {
                case "DONE":
                    return true;
                case "LOST":
                    return false;
                default:
                    batch = entries(done, 1);
            }
        }
    }

    /** Every step of one entry, at once: each goes to one key (one slot), in the entry's order for that key. */
    private void apply(String chatId, OutboxEntry entry) {
        var retention = config.notifications().retention();
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (int i = 0; i < entry.notes().size(); i++) {
            List<String> note = entry.notes().get(i);
            byRecipient.computeIfAbsent(note.get(0), address -> new ArrayList<>(List.of(chatId,
                    Integer.toString(retention.entries()), Long.toString(retention.age().toMillis()),
                    keys.wakeChannel(), address, Integer.toString(Commit.CARRIED_MAX_BYTES))))
                    .addAll(List.of(Long.toString(entry.sequence(i)), note.get(1)));
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> change : entry.changes()) {
            byKey.computeIfAbsent(change.get(1), key -> new ArrayList<>())
                    .addAll(List.of(change.get(0), change.get(2), change.get(3)));
        }
        List<Uni<Response>> steps = new ArrayList<>();
        byRecipient.forEach((address, args) -> steps.add(writes.run(deliverScript,
                List.of(keys.log(new Recipient(address)), keys.delivered(new Recipient(address))), args)));
        byKey.forEach((key, args) -> steps.add(writes.run(changeScript, List.of(key), args)));
        if (steps.isEmpty()) {
            return;
        }
        if (config.redis().crashPoint().orElse(null) == CrashPoint.after_first_step) {
            steps.get(0).await().indefinitely();
            crashAt(CrashPoint.after_first_step);
        }
        Uni.join().all(steps).andFailFast().await().indefinitely();
    }

    /**
     * Relays the outboxes whose markers are due, in every shard: those of committers that died, and entries left
     * to a claim that lapsed. Any number of instances may sweep at once; the claim keeps each outbox to one.
     */
    public void sweep(long now) {
        // every shard's due markers at once (one round trip on a standalone Redis), as the offer timers are read
        List<List<Request>> shards = new ArrayList<>();
        for (int shard = 0; shard < topology.shards(); shard++) {
            shards.add(List.of(Request.cmd(Command.ZRANGE).arg(keys.pendingOutboxes(shard)).arg("-inf").arg(now)
                    .arg("BYSCORE").arg("LIMIT").arg(0).arg(SWEEP_BATCH)));
        }
        List<Response> due = Pipelines.send(redis, topology, shards);
        for (int shard = 0; shard < due.size(); shard++) {
            for (Response member : due.get(shard)) {
                sweepOne(keys.pendingOutboxes(shard), member.toString(), now);
            }
        }
    }

    private void sweepOne(String key, String marker, long now) {
        String chatId = marker.substring(0, marker.lastIndexOf('|'));
        String token = freshToken();
        Response claim = claimScript.run(redis, List.of(keys.outbox(chatId), keys.relayClaim(chatId)),
                List.of(token, Long.toString(CLAIM.toMillis())));
        boolean empty = switch (claim.get(0).toString()) {
            case "EMPTY" -> true;
            case "BUSY" -> false;
            default -> {
                List<String> entries = entries(claim, 1);
                LOG.infof("Relaying %d outbox entries of chat %s left by a committer", entries.size(), chatId);
                yield relay(chatId, token, entries);
            }
        };
        if (empty) {
            redis.sendAndAwait(Request.cmd(Command.ZREM).arg(key).arg(marker));
        } else {
            redis.sendAndAwait(Request.cmd(Command.ZADD).arg(key).arg("XX").arg(now + CLAIM.toMillis()).arg(marker));
        }
    }

    /** The outbox entries a script returned after its first {@code from} fields, oldest first. */
    private static List<String> entries(Response reply, int from) {
        List<String> entries = new ArrayList<>();
        for (int i = from; i < reply.size(); i++) {
            entries.add(reply.get(i).toString());
        }
        return entries;
    }

    /** Tells this relay's claim and marker from another's; per call, never a static generator. */
    private static String freshToken() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private void crashAt(CrashPoint point) {
        if (config.redis().crashPoint().orElse(null) == point) {
            LOG.errorf("Halting at the crash point %s (parley.redis.crash-point, for tests only)", point);
            Runtime.getRuntime().halt(137);
        }
    }
}
