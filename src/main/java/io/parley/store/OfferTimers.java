package io.parley.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

/** The deadlines of pending offers. They are armed and disarmed by the commits that make and answer offers. */
@ApplicationScoped
public class OfferTimers {

    /** An offer of a chat to an agent whose deadline has passed. */
    public record Due(String chatId, String userId) {
    }

    private final Redis redis;
    private final Keys keys;
    private final Topology topology;
    private final LuaScript dropScript = LuaScript.load("drop-timer.lua");

    OfferTimers(Redis redis, Keys keys, Topology topology) {
        this.redis = redis;
        this.keys = keys;
        this.topology = topology;
    }

    /** Up to {@code limit} due offers from each shard of the timers. */
    public List<Due> due(long now, int limit) {
        List<List<Request>> shards = new ArrayList<>();
        for (int shard = 0; shard < topology.shards(); shard++) {
            shards.add(List.of(Request.cmd(Command.ZRANGE).arg(keys.offerTimers(shard)).arg("-inf").arg(now)
                    .arg("BYSCORE").arg("LIMIT").arg(0).arg(limit)));
        }
        List<Due> due = new ArrayList<>();
        Pipelines.send(redis, topology, shards).forEach(members -> members.forEach(member -> {
            String[] parts = member.toString().split("\\|", 2);
            due.add(new Due(parts[0], parts[1]));
        }));
        return due;
    }

    /** Removes a timer whose offer was already answered; keeps it if it was re-armed for a later deadline. */
    public void drop(Due due, long now) {
        dropScript.run(redis, List.of(keys.offerTimersOf(due.chatId())),
                List.of(Commit.timerMember(due.chatId(), due.userId()), Long.toString(now)));
    }
}
