package io.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.user.User;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/** Users by id and by user name. */
@ApplicationScoped
public class UserRepository {

    private final Redis redis;
    private final Keys keys;
    private final Json json;
    private final Topology topology;
    private final LuaScript nameScript = LuaScript.load("claim-user-name.lua");

    UserRepository(Redis redis, Keys keys, Json json, Topology topology) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.topology = topology;
    }

    /**
     * Writes the document, then enters the name in the directory (another hash slot), then takes the document back
     * if the name was taken. A crash between the two leaves a document no name or listing leads to.
     *
     * @return false if the user name is taken
     */
    public boolean create(User user) {
        redis.sendAndAwait(Request.cmd(Command.SET).arg(keys.user(user.id())).arg(json.write(user)).arg("NX"));
        Response entered = nameScript.run(redis, List.of(keys.userName(user.userName()), keys.users()),
                List.of(user.id(), Long.toString(user.createdAt())));
        if (entered.toInteger() == 1) {
            return true;
        }
        redis.sendAndAwait(Request.cmd(Command.DEL).arg(keys.user(user.id())));
        return false;
    }

    /**
     * Stores {@code user}'s new document in one SET, so that a reader (the dispatcher included) sees either the old
     * document or the new one, never a mix. XX: a user who is not there is not created by a change. The name index
     * and the listing need no change, as neither the user name nor the id can change.
     *
     * @return false if there is no such user
     */
    public boolean replace(User user) {
        Response set = redis.sendAndAwait(Request.cmd(Command.SET).arg(keys.user(user.id())).arg(json.write(user))
                .arg("XX"));
        return set != null;
    }

    public Optional<User> find(String userId) {
        Response reply = redis.sendAndAwait(Request.cmd(Command.GET).arg(keys.user(userId)));
        return Optional.ofNullable(reply).map(r -> json.read(r.toString(), User.class));
    }

    public Optional<User> findByName(String userName) {
        Response id = redis.sendAndAwait(Request.cmd(Command.GET).arg(keys.userName(userName)));
        return id == null ? Optional.empty() : find(id.toString());
    }

    /** All users, oldest first. */
    public List<User> list() {
        Response ids = redis.sendAndAwait(Request.cmd(Command.ZRANGE).arg(keys.users()).arg(0).arg(-1));
        if (ids == null || ids.size() == 0) {
            return List.of();
        }
        // one GET per user, not MGET: each user has a slot of their own, and on a cluster the client's MGET
        // split over slots does not keep the order of the keys
        List<List<Request>> gets = new ArrayList<>();
        ids.forEach(id -> gets.add(List.of(Request.cmd(Command.GET).arg(keys.user(id.toString())))));
        List<User> users = new ArrayList<>();
        for (Response doc : Pipelines.send(redis, topology, gets)) {
            if (doc != null) {
                users.add(json.read(doc.toString(), User.class));
            }
        }
        return users;
    }
}
