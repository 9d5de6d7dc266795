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

/** Translates one decision into the keys and arguments of {@code commit.lua}. */
final class Commit {

    /**
     * Notifications up to this size travel inside the wake-up itself, so a push instance writes them to its
     * streams without reading the log back; larger ones (a history sent on joining) are read from the log.
     */
    static final int CARRIED_MAX_BYTES = 16 * 1024;

    private final Keys keys;
    private final Json json;
    private final String chatId;
    private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private int conditionCount;
    private int writeCount;

    private Commit(Keys keys, Json json, String chatId) {
        this.keys = keys;
        this.json = json;
        this.chatId = chatId;
        key(keys.chat(chatId));
        key(keys.transcript(chatId));
    }

    /** @param retentionMillis how long an ended chat is kept: the commit that ends it sets its keys to expire */
    static Commit of(Keys keys, Json json, Outcome.Applied applied, long retentionMillis) {
        Commit commit = new Commit(keys, json, applied.chat().id());
        applied.conditions().forEach(commit::condition);
        applied.deliveries().forEach(commit::deliver);
        applied.effects().forEach(commit::effect);
        if (applied.chat().status() == ChatStatus.Ended) {
            String ttl = Long.toString(Math.max(1, retentionMillis));
            commit.write("pexpire", keys.chat(commit.chatId), ttl, "");
            commit.write("pexpire", keys.transcript(commit.chatId), ttl, "");
        }
        return commit;
    }

    private int key(String key) {
        return keyIndex.computeIfAbsent(key, k -> keyIndex.size() + 1);
    }

    private void condition(Condition condition) {
        switch (condition) {
            case Condition.AgentReady ready -> addCondition("member", keys.readyAgents(), ready.userId());
            case Condition.AgentBelowCapacity capacity -> addCondition("below", keys.desk(capacity.userId()),
                    Integer.toString(capacity.maxChats()));
        }
    }

    private void addCondition(String kind, String key, String argument) {
        conditions.add(kind);
        conditions.add(Integer.toString(key(key)));
        conditions.add(argument);
        conditionCount++;
    }

    private void deliver(Delivery delivery) {
        write("log", keys.log(delivery.recipient()), json.write(delivery.notification()),
                delivery.recipient().address());
    }

    private void effect(Effect effect) {
        switch (effect) {
            case Effect.Track track -> write("sadd", keys.desk(track.userId()), chatId, "");
            case Effect.Untrack untrack -> write("srem", keys.desk(untrack.userId()), chatId, "");
            case Effect.ArmTimer timer -> write("zadd", keys.offerTimers(), timerMember(chatId, timer.userId()),
                    Long.toString(timer.at()));
            case Effect.DisarmTimer timer -> write("zrem", keys.offerTimers(), timerMember(chatId, timer.userId()),
                    "");
            case Effect.Enqueue enqueue -> write(enqueue.front() ? "lpush" : "rpush", keys.queue(), chatId, "");
            case Effect.Dequeue dequeue -> write("lrem", keys.queue(), chatId, "");
            case Effect.RememberLastAgent last -> write("setpx", keys.lastAgent(last.contactId()), last.userId(),
                    Long.toString(last.ttlMillis()));
        }
    }

    static String timerMember(String chatId, String userId) {
        return chatId + "|" + userId;
    }

    private void write(String kind, String key, String a, String b) {
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
