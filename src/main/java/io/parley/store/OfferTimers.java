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
    private final LuaScript dropScript = LuaScript.load("drop-timer.lua");

    OfferTimers(Redis redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public List<Due> due(long now, int limit) {
        List<Due> due = new ArrayList<>();
        redis.sendAndAwait(Request.cmd(Command.ZRANGE).arg(keys.offerTimers()).arg("-inf").arg(now)
                .arg("BYSCORE").arg("LIMIT").arg(0).arg(limit)).forEach(member -> {
                    String[] parts = member.toString().split("\\|", 2);
                    due.add(new Due(parts[0], parts[1]));
                });
        return due;
    }

    /** Removes a timer whose offer was already answered; keeps it if it was re-armed for a later deadline. */
    public void drop(Due due, long now) {
        dropScript.run(redis, List.of(keys.offerTimers()),
                List.of(Commit.timerMember(due.chatId(), due.userId()), Long.toString(now)));
    }
}
