package io.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.chat.AgentLoad;
import io.parley.chat.Recipient;
import io.parley.user.ChannelState;
import io.parley.user.ChannelStatus;
import io.parley.user.ChannelView;
import io.parley.user.ChannelsChanged;
import io.parley.user.User;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;

/** Agents' chat channel state, the set of Ready agents, and the chats on each agent's desk. */
@ApplicationScoped
public class AgentChannels {

    private final Redis redis;
    private final Keys keys;
    private final LuaScript setScript = LuaScript.load("set-channel.lua");
    private final LuaScript readyScript = LuaScript.load("ready-agents.lua");
    private final LuaScript appendScript = LuaScript.load("append-log.lua");
    @jakarta.inject.Inject CommitMeter commits;
    private final Json json;
    private final ParleyConfig config;
    private final Topology topology;

    AgentChannels(Redis redis, Keys keys, Json json, ParleyConfig config, Topology topology) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.config = config;
        this.topology = topology;
    }

    public ChannelState state(String userId) {
        return status(userId).state();
    }

    public ChannelStatus status(String userId) {
        Response reply = redis.sendAndAwait(Request.cmd(Command.GET).arg(keys.channel(userId)));
        return ChannelStatus.parse(reply == null ? null : reply.toString());
    }

    public void set(String userId, ChannelState state) {
        set(userId, ChannelStatus.of(state));
    }

    /**
     * Sets the state, then tells the agent's desktops on {@code /v2/me/channels}. Two scripts, as the state and the
     * log live in different hash slots; the state is the truth, and a desktop that missed the notification (Redis
     * lost between the two) reads it with {@code GET /me/channels}.
     */
    public void set(String userId, ChannelStatus status) {
        if (topology.cluster()) {
            setAcrossSlots(userId, status);
        } else {
            setScript.run(redis, List.of(keys.channel(userId), keys.readyAgentsOf(userId)),
                    List.of(status.state().name(), userId, status.stored()));
        }
        Recipient agent = Recipient.agent(userId);
        var retention = config.notifications().retention();
        appendScript.run(redis, List.of(keys.log(agent)), List.of(json.write(ChannelsChanged.of(
                ChannelView.chat(status))), Integer.toString(retention.entries()),
                Long.toString(retention.age().toMillis()), keys.wakeChannel(), agent.address(),
                Integer.toString(Commit.CARRIED_MAX_BYTES)));
        commits.channelChanged();
    }

    /**
     * On a cluster the state (the user's slot) and the ready set (a shard's slot) are two writes. The ready set is
     * only a hint, which routing checks against the state: so it is widened before a Ready and narrowed after
     * anything else, and a crash between the two leaves a hint too many, never a Ready agent missing from it.
     */
    private void setAcrossSlots(String userId, ChannelStatus status) {
        Request state = status.state() == ChannelState.LoggedOut ? Request.cmd(Command.DEL).arg(keys.channel(userId))
                : Request.cmd(Command.SET).arg(keys.channel(userId)).arg(status.stored());
        if (status.state() == ChannelState.Ready) {
            redis.sendAndAwait(Request.cmd(Command.SADD).arg(keys.readyAgentsOf(userId)).arg(userId));
            redis.sendAndAwait(state);
        } else {
            redis.sendAndAwait(state);
            redis.sendAndAwait(Request.cmd(Command.SREM).arg(keys.readyAgentsOf(userId)).arg(userId));
        }
    }

    /** The Ready agents who serve {@code queue}, with their loads: one round trip on a standalone Redis. */
    public List<AgentLoad> readyAgents(String queue, String defaultQueue) {
        if (topology.cluster()) {
            return readyAgentsAcrossSlots(queue, defaultQueue);
        }
        List<AgentLoad> agents = new ArrayList<>();
        for (int shard = 0; shard < topology.shards(); shard++) {
            Response reply = readyScript.run(redis, List.of(keys.readyAgents(shard)),
                    List.of(keys.userPrefix(), Keys.USER_SUFFIX, Keys.DESK_SUFFIX, queue, defaultQueue));
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                agents.add(new AgentLoad(reply.get(i).toString(), reply.get(i + 1).toInteger()));
            }
        }
        return agents;
    }

    /**
     * The ready set's shards, then each listed agent's document, state and desk size from the agent's own slot, all
     * at once: two round trips. An agent listed but no longer Ready (a crash between the two writes of a change) is
     * left out.
     */
    private List<AgentLoad> readyAgentsAcrossSlots(String queue, String defaultQueue) {
        List<List<Request>> shards = new ArrayList<>();
        for (int shard = 0; shard < topology.shards(); shard++) {
            shards.add(List.of(Request.cmd(Command.SMEMBERS).arg(keys.readyAgents(shard))));
        }
        List<String> listed = new ArrayList<>();
        Pipelines.send(redis, topology, shards).forEach(members -> members.forEach(m -> listed.add(m.toString())));
        List<List<Request>> agents = listed.stream().map(userId -> List.of(
                Request.cmd(Command.GET).arg(keys.user(userId)),
                Request.cmd(Command.GET).arg(keys.channel(userId)),
                Request.cmd(Command.HLEN).arg(keys.desk(userId)))).toList();
        List<Response> replies = Pipelines.send(redis, topology, agents);
        List<AgentLoad> ready = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            Response doc = replies.get(3 * i);
            Response state = replies.get(3 * i + 1);
            if (doc == null || state == null || ChannelStatus.parse(state.toString()).state() != ChannelState.Ready) {
                continue;
            }
            List<String> serves = json.read(doc.toString(), User.class).queues();
            if (serves.isEmpty() ? queue.equals(defaultQueue) : serves.contains(queue)) {
                ready.add(new AgentLoad(listed.get(i), replies.get(3 * i + 2).toInteger()));
            }
        }
        return ready;
    }

    /** The customer's last agent ({@code saveLAR}), if one is remembered. */
    public String lastAgent(String contactId) {
        Response reply = redis.sendAndAwait(Request.cmd(Command.GET).arg(keys.lastAgent(contactId)));
        return reply == null ? null : reply.toString();
    }

    /** The ids of the chats on the agent's desk, sorted. */
    public Set<String> desk(String userId) {
        Set<String> chatIds = new TreeSet<>();
        redis.sendAndAwait(Request.cmd(Command.HKEYS).arg(keys.desk(userId)))
                .forEach(id -> chatIds.add(id.toString()));
        return chatIds;
    }
}
