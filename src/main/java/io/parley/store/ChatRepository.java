package io.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.chat.Availability;
import io.parley.chat.Chat;
import io.parley.chat.Message;
import io.parley.chat.Outcome;
import io.parley.chat.StatusCode;
import io.parley.user.ChannelState;
import io.parley.user.User;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/**
 * Loads a chat (with what a decision needs about its target agent) in one round trip, and commits a decision in
 * one script call that compares the version first (or, relayed, as {@link Outbox} describes). A commit that lost a race is decided again from a fresh load.
 */
@ApplicationScoped
public class ChatRepository {

    /**
     * Each lost race means another writer committed, so N writers racing on one chat need at most N attempts; this
     * covers a full conference all writing at once. A request still losing after that gets statusCode 4.
     */
    static final int MAX_ATTEMPTS = 64;

    private final Redis redis;
    private final Keys keys;
    private final Json json;
    private final ParleyConfig config;
    private final Topology topology;
    private final Writes writes;
    private final Outbox outbox;
    private final LuaScript commitScript = LuaScript.load("commit.lua");
    @jakarta.inject.Inject CommitMeter commits;

    /**
     * Writers of one chat in this instance take turns instead of racing: without it, concurrent requests on one chat
     * mostly fail their version check and retry. Other instances are still kept out by the version check. Striped,
     * so that memory stays fixed; two chats sharing a stripe merely take turns.
     */
    private final ReentrantLock[] turns = new ReentrantLock[1024];

    {
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    ChatRepository(Redis redis, Keys keys, Json json, ParleyConfig config, Topology topology, Writes writes,
            Outbox outbox) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.config = config;
        this.topology = topology;
        this.writes = writes;
        this.outbox = outbox;
    }

    /** A chat as loaded, with the availability of the operation's target and, if asked for, the transcript. */
    public record Snapshot(Chat chat, String baseUrl, Availability availability, List<Message> transcript) {
    }

    public enum CommitResult {
        COMMITTED,
        CONFLICT,
        CONDITION_FAILED
    }

    public Optional<Snapshot> load(String chatId, String targetUserId, boolean withTranscript) {
        List<Request> chatBatch = new ArrayList<>();
        chatBatch.add(Request.cmd(Command.HMGET).arg(keys.chat(chatId)).arg("v").arg("doc").arg("base"));
        if (withTranscript) {
            chatBatch.add(Request.cmd(Command.LRANGE).arg(keys.transcript(chatId)).arg(0).arg(-1));
        }
        List<Request> userBatch = targetUserId == null ? List.of()
                : List.of(Request.cmd(Command.GET).arg(keys.user(targetUserId)),
                        Request.cmd(Command.GET).arg(keys.channel(targetUserId)));
        List<Response> replies = Pipelines.send(redis, topology, List.of(chatBatch, userBatch));
        Response chatReply = replies.get(0);
        if (chatReply.get(0) == null || chatReply.get(1) == null) {
            return Optional.empty();
        }
        Chat chat = json.read(chatReply.get(1).toString(), Chat.class).withVersion(chatReply.get(0).toLong());
        int next = chatBatch.size();
        Availability availability = Availability.Unknown;
        if (targetUserId != null) {
            Response userReply = replies.get(next++);
            Response channelReply = replies.get(next++);
            User user = userReply == null ? null : json.read(userReply.toString(), User.class);
            availability = ChannelState.availability(user,
                    ChannelState.parse(channelReply == null ? null : channelReply.toString()));
        }
        List<Message> transcript = List.of();
        if (withTranscript) {
            transcript = new ArrayList<>();
            for (Response entry : replies.get(1)) {
                transcript.add(json.read(entry.toString(), Message.class));
            }
        }
        return Optional.of(new Snapshot(chat, chatReply.get(2) == null ? "" : chatReply.get(2).toString(),
                availability, transcript));
    }

    public List<Message> transcript(String chatId) {
        List<Message> transcript = new ArrayList<>();
        for (Response entry : redis.sendAndAwait(
                Request.cmd(Command.LRANGE).arg(keys.transcript(chatId)).arg(0).arg(-1))) {
            transcript.add(json.read(entry.toString(), Message.class));
        }
        return transcript;
    }

    /** Loads several chats in one round trip; chats that do not exist are left out. */
    public List<Chat> loadAll(List<String> chatIds) {
        if (chatIds.isEmpty()) {
            return List.of();
        }
        List<List<Request>> batches = chatIds.stream()
                .map(id -> List.of(Request.cmd(Command.HMGET).arg(keys.chat(id)).arg("v").arg("doc").arg("base")))
                .toList();
        List<Chat> chats = new ArrayList<>();
        for (Response reply : Pipelines.send(redis, topology, batches)) {
            if (reply.get(0) != null && reply.get(1) != null) {
                chats.add(json.read(reply.get(1).toString(), Chat.class).withVersion(reply.get(0).toLong()));
            }
        }
        return chats;
    }

    /** @param baseUrl kept with a new chat (expected version 0); ignored for an existing one */
    public CommitResult commit(Outcome.Applied applied, long expectedVersion, String baseUrl) {
        Commit commit = Commit.of(keys, json, applied, config.chat().retention().toMillis());
        String document = json.write(applied.chat().withVersion(0));
        if (topology.relayed()) {
            return outbox.commit(commit, expectedVersion, document, baseUrl, applied.messages());
        }
        var retention = config.notifications().retention();
        Response reply = writes.runAndAwait(commitScript, commit.keys(), commit.arguments(expectedVersion,
                document, applied.messages(), keys.wakeChannel(), baseUrl, retention.entries(),
                retention.age().toMillis()));
        return switch (reply.get(0).toString()) {
            case "OK" -> CommitResult.COMMITTED;
            case "CONFLICT" -> CommitResult.CONFLICT;
            default -> CommitResult.CONDITION_FAILED;
        };
    }

    /**
     * Loads, decides and commits, deciding again from a fresh load whenever the commit lost a race or a condition
     * no longer held. Refusals and no-ops are returned as decided, with nothing written.
     */
    public Outcome update(String chatId, String targetUserId, boolean withTranscript,
            Function<Snapshot, Outcome> decide) {
        ReentrantLock turn = turns[Math.floorMod(chatId.hashCode(), turns.length)];
        turn.lock();
        try {
            return decideAndCommit(chatId, targetUserId, withTranscript, decide);
        } finally {
            turn.unlock();
        }
    }

    private Outcome decideAndCommit(String chatId, String targetUserId, boolean withTranscript,
            Function<Snapshot, Outcome> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Snapshot> snapshot = load(chatId, targetUserId, withTranscript);
            if (snapshot.isEmpty()) {
                return Outcome.refused(StatusCode.NOT_FOUND, "Chat " + chatId + " not found");
            }
            Outcome outcome = decide.apply(snapshot.get());
            if (!(outcome instanceof Outcome.Applied applied)) {
                return outcome;
            }
            commits.attempt();
            if (commit(applied, snapshot.get().chat().version(), "") == CommitResult.COMMITTED) {
                commits.committed(applied);
                return applied;
            }
            commits.conflict();
            backOff(attempt);
        }
        return Outcome.refused(StatusCode.INTERNAL_ERROR,
                "Chat " + chatId + " is changing too fast; nothing was changed, please retry");
    }

    /** Random, growing pause so that racing writers spread out instead of colliding again. */
    private static void backOff(int attempt) {
        int bound = 1 << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a commit", e);
        }
    }
}
