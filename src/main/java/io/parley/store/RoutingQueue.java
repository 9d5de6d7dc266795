package io.parley.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;

/** The chats waiting for an agent, oldest first. Chats enter and leave it with their commits. */
@ApplicationScoped
public class RoutingQueue {

    private final Redis redis;
    private final Keys keys;

    RoutingQueue(Redis redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public List<String> head(int count) {
        List<String> chatIds = new ArrayList<>();
        redis.sendAndAwait(Request.cmd(Command.LRANGE).arg(keys.queue()).arg(0).arg(count - 1))
                .forEach(id -> chatIds.add(id.toString()));
        return chatIds;
    }

    /** Drops a chat that no longer waits (it ended, or was taken); harmless if it is not there. */
    public void remove(String chatId) {
        redis.sendAndAwait(Request.cmd(Command.LREM).arg(keys.queue()).arg(0).arg(chatId));
    }
}
