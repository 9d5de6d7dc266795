package io.parley.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.chat.ChatStatus;
import io.parley.chat.Condition;
import io.parley.chat.Delivery;
import io.parley.chat.Effect;
import io.parley.chat.Message;
import io.parley.chat.Outcome;
import io.parley.chat.Recipient;

/**
 * Translates one decision into Redis writes: the chat's own, the checks on its target agent, and the writes outside
 * the chat (notifications to recipients' logs, desks, queue, timers). {@link #keys}/{@link #arguments} give them to
 * {@code commit.lua} all at once; a relayed commit takes {@link #checks} and {@link #entry} instead.
 */
final class Commit {

    /**
     * Notifications up to this size travel inside the wake-up itself, so a push instance writes them to its
     * streams without reading the log back; larger ones (a history sent on joining) are read from the log.
     */
    static final int CARRIED_MAX_BYTES = 16 * 1024;

    /** One write outside the chat: a kind of {@code commit.lua}/{@code apply-change.lua}, its key, arguments. */
    record Change(String kind, String key, String a, String b) {
    }

    /** A notification for one recipient, already in its JSON form. */
    record Note(String address, String notification) {
    }

    /** What a decision assumed about one agent, and whether it puts the chat on that agent's desk. */
    record Check(String userId, boolean mustBeReady, int maxChats, boolean tracks) {

        Check merge(Check other) {
            return new Check(userId, mustBeReady || other.mustBeReady,
                    maxChats < 0 ? other.maxChats : other.maxChats < 0 ? maxChats : Math.min(maxChats, other.maxChats),
                    tracks || other.tracks);
        }
    }

    private final Keys keys;
    private final Json json;
    private final String chatId;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    /** Writes that belong to the chat's own keys (an ended chat's expiry): never relayed. */
    private long expireAfterMillis;

    private Commit(Keys keys, Json json, String chatId) {
        this.keys = keys;
        this.json = json;
        this.chatId = chatId;
    }

    /** @param retentionMillis how long an ended chat is kept: the commit that ends it sets its keys to expire */
    static Commit of(Keys keys, Json json, Outcome.Applied applied, long retentionMillis) {
        Commit commit = new Commit(keys, json, applied.chat().id());
        applied.conditions().forEach(commit::condition);
        applied.deliveries().forEach(commit::deliver);
        applied.effects().forEach(commit::effect);
        if (applied.chat().status() == ChatStatus.Ended) {
            commit.expireAfterMillis = Math.max(1, retentionMillis);
        }
        return commit;
    }

    private void condition(Condition condition) {
        switch (condition) {
            case Condition.AgentReady ready -> check(new Check(ready.userId(), true, -1, false));
            case Condition.AgentBelowCapacity capacity ->
                check(new Check(capacity.userId(), false, capacity.maxChats(), false));
        }
    }

    private void check(Check check) {
        checks.merge(check.userId(), check, Check::merge);
    }

    private void deliver(Delivery delivery) {
        notes.add(new Note(delivery.recipient().address(), json.write(delivery.notification())));
    }

    private void effect(Effect effect) {
        switch (effect) {
            case Effect.Track track -> {
                change("track", keys.desk(track.userId()), chatId, "");
                checks.computeIfPresent(track.userId(), (id, check) -> check.merge(new Check(id, false, -1, true)));
            }
            case Effect.Untrack untrack -> change("untrack", keys.desk(untrack.userId()), chatId, "");
            case Effect.ArmTimer timer -> change("zadd", keys.offerTimersOf(chatId), timerMember(chatId,
                    timer.userId()), Long.toString(timer.at()));
            case Effect.DisarmTimer timer -> change("zrem", keys.offerTimersOf(chatId), timerMember(chatId,
                    timer.userId()), "");
            case Effect.Enqueue enqueue -> change(enqueue.front() ? "lpush" : "rpush", keys.queue(), chatId, "");
            case Effect.Dequeue dequeue -> change("lrem", keys.queue(), chatId, "");
            case Effect.RememberLastAgent last -> change("setpx", keys.lastAgent(last.contactId()), last.userId(),
                    Long.toString(last.ttlMillis()));
        }
    }

    static String timerMember(String chatId, String userId) {
        return chatId + "|" + userId;
    }

    private void change(String kind, String key, String a, String b) {
        changes.add(new Change(kind, key, a, b));
    }

    String chatId() {
        return chatId;
    }

    /** 0 unless the decision ends the chat: then how long its keys are kept. */
    long expireAfterMillis() {
        return expireAfterMillis;
    }

    List<Check> checks() {
        return List.copyOf(checks.values());
    }

    /** The outbox entry of a relayed commit: every write outside the chat, for the chat's {@code version}. */
    OutboxEntry entry(long version) {
        return new OutboxEntry(version, notes.stream().map(note -> List.of(note.address(), note.notification()))
                .toList(), changes.stream().map(c -> List.of(c.kind(), c.key(), c.a(), c.b())).toList());
    }

    /** The keys of {@code commit.lua}: the chat, its transcript, then those the checks and writes name. */
    List<String> keys() {
        return atomic().keys();
    }

    List<String> arguments(long expectedVersion, String document, List<Message> messages, String wakeChannel,
            String baseUrl, int logMaxLength, long logMaxAgeMillis) {
        return atomic().arguments(expectedVersion, document, messages, wakeChannel, baseUrl, logMaxLength,
                logMaxAgeMillis);
    }

    private AtomicCall atomicCall;

    private AtomicCall atomic() {
        if (atomicCall == null) {
            atomicCall = atomicCall();
        }
        return atomicCall;
    }

    private AtomicCall atomicCall() {
        AtomicCall call = new AtomicCall(keys.chat(chatId), keys.transcript(chatId));
        for (Check check : checks.values()) {
            if (check.mustBeReady()) {
                call.condition("ready", keys.channel(check.userId()), "");
            }
            if (check.maxChats() >= 0) {
                call.condition("below", keys.desk(check.userId()), Integer.toString(check.maxChats()));
            }
        }
        for (Note note : notes) {
            call.write("log", keys.log(new Recipient(note.address())), note.notification(),
                    note.address());
        }
        for (Change change : changes) {
            call.write(change.kind(), change.key(), change.a(), change.b());
        }
        if (expireAfterMillis > 0) {
            String ttl = Long.toString(expireAfterMillis);
            call.write("pexpire", keys.chat(chatId), ttl, "");
            call.write("pexpire", keys.transcript(chatId), ttl, "");
        }
        return call;
    }

    /** The keys and counted argument groups of one {@code commit.lua} call. */
    private final class AtomicCall {

        private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
        private final List<String> conditions = new ArrayList<>();
        private final List<String> writes = new ArrayList<>();
        private int conditionCount;
        private int writeCount;

        AtomicCall(String chatKey, String transcriptKey) {
            key(chatKey);
            key(transcriptKey);
        }

        private int key(String key) {
            return keyIndex.computeIfAbsent(key, k -> keyIndex.size() + 1);
        }

        void condition(String kind, String key, String argument) {
            conditions.add(kind);
            conditions.add(Integer.toString(key(key)));
            conditions.add(argument);
            conditionCount++;
        }

        void write(String kind, String key, String a, String b) {
            writes.add(kind);
            writes.add(Integer.toString(key(key)));
            writes.add(a);
            writes.add(b);
            writeCount++;
        }

        List<String> keys() {
            return List.copyOf(keyIndex.keySet());
        }

        List<String> arguments(long expectedVersion, String document, List<Message> messages, String wakeChannel,
                String baseUrl, int logMaxLength, long logMaxAgeMillis) {
            List<String> args = new ArrayList<>();
            args.add(Long.toString(expectedVersion));
            args.add(document);
            args.add(Integer.toString(logMaxLength));
            args.add(Long.toString(logMaxAgeMillis));
            args.add(wakeChannel);
            args.add(Integer.toString(CARRIED_MAX_BYTES));
            args.add(baseUrl);
            args.add(Integer.toString(messages.size()));
            messages.forEach(message -> args.add(json.write(message)));
            args.add(Integer.toString(conditionCount));
            args.addAll(conditions);
            args.add(Integer.toString(writeCount));
            args.addAll(writes);
            return args;
        }
    }
}
