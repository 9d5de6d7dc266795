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

    AgentChannels(Redis redis, Keys keys, Json json, ParleyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.config = config;
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
        setScript.run(redis, List.of(keys.channel(userId), keys.readyAgents()),
                List.of(status.state().name(), userId, status.stored()));
        Recipient agent = Recipient.agent(userId);
        var retention = config.notifications().retention();
        appendScript.run(redis, List.of(keys.log(agent)), List.of(json.write(ChannelsChanged.of(
                ChannelView.chat(status))), Integer.toString(retention.entries()),
                Long.toString(retention.age().toMillis()), keys.wakeChannel(), agent.address(),
                Integer.toString(Commit.CARRIED_MAX_BYTES)));
        commits.channelChanged();
    }

    /** The Ready agents who serve {@code queue}, with their loads, in one round trip. */
    public List<AgentLoad> readyAgents(String queue, String defaultQueue) {
        Response reply = readyScript.run(redis, List.of(keys.readyAgents()),
                List.of(keys.deskPrefix(), Keys.DESK_SUFFIX, queue, defaultQueue, keys.userPrefix()));
        List<AgentLoad> agents = new ArrayList<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            agents.add(new AgentLoad(reply.get(i).toString(), reply.get(i + 1).toInteger()));
        }
        return agents;
    }

    /** The customer's last agent ({@code saveLAR}), if one is remembered. */
    public String lastAgent(String contactId) {
        Response reply = redis.sendAndAwait(Request.cmd(Command.GET).arg(keys.lastAgent(contactId)));
        return reply == null ? null : reply.toString();
    }

    /** The ids of the chats on the agent's desk, sorted. */
    public Set<String> desk(String userId) {
        Set<String> chatIds = new TreeSet<>();
        redis.sendAndAwait(Request.cmd(Command.SMEMBERS).arg(keys.desk(userId)))
                .forEach(id -> chatIds.add(id.toString()));
        return chatIds;
    }
}
