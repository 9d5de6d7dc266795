package io.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.chat.Monitoring;
import io.parley.chat.MonitoringScope;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The supervisors' standing monitorings of agents, one hash per agent beside the agent's other keys. They are read
 * when the agent accepts a chat, outside that chat's commit: a monitoring started or cancelled at the very moment
 * of an Accept may or may not take part in it, as if it had come just before or just after.
 */
@ApplicationScoped
public class Monitorings {

    private final Redis redis;
    private final Keys keys;
    private final Json json;
    private final LuaScript endScript = LuaScript.load("end-monitoring.lua");

    Monitorings(Redis redis, Keys keys, Json json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    /**
     * Starts the monitoring, or replaces the supervisor's earlier one of this agent. The supervisor's index is
     * written first: a crash between the two leaves an index entry that leads nowhere, never a monitoring that
     * logout would miss.
     */
    public void start(String agentId, Monitoring monitoring) {
        redis.sendAndAwait(Request.cmd(Command.SADD).arg(keys.monitoring(monitoring.supervisorId())).arg(agentId));
        redis.sendAndAwait(Request.cmd(Command.HSET).arg(keys.monitoredBy(agentId)).arg(monitoring.supervisorId())
                .arg(json.write(monitoring)));
    }

    /** @return false if the supervisor did not monitor the agent */
    public boolean cancel(String agentId, String supervisorId) {
        Response removed = redis.sendAndAwait(Request.cmd(Command.HDEL).arg(keys.monitoredBy(agentId))
                .arg(supervisorId));
        redis.sendAndAwait(Request.cmd(Command.SREM).arg(keys.monitoring(supervisorId)).arg(agentId));
        return removed != null && removed.toInteger() > 0;
    }

    /** The supervisor logged out: every monitoring of theirs ends, as GWS's do. */
    public void endAll(String supervisorId) {
        Response agents = redis.sendAndAwait(Request.cmd(Command.SMEMBERS).arg(keys.monitoring(supervisorId)));
        if (agents != null) {
            for (Response agent : agents) {
                redis.sendAndAwait(Request.cmd(Command.HDEL).arg(keys.monitoredBy(agent.toString()))
                        .arg(supervisorId));
            }
        }
        redis.sendAndAwait(Request.cmd(Command.DEL).arg(keys.monitoring(supervisorId)));
    }

    public Optional<Monitoring> of(String agentId, String supervisorId) {
        Response reply = redis.sendAndAwait(Request.cmd(Command.HGET).arg(keys.monitoredBy(agentId))
                .arg(supervisorId));
        return Optional.ofNullable(reply).map(r -> json.read(r.toString(), Monitoring.class));
    }

    /** Every supervisor's monitoring of the agent, in no particular order. */
    public List<Monitoring> of(String agentId) {
        Response reply = redis.sendAndAwait(Request.cmd(Command.HVALS).arg(keys.monitoredBy(agentId)));
        List<Monitoring> monitorings = new ArrayList<>();
        if (reply != null) {
            for (Response value : reply) {
                monitorings.add(json.read(value.toString(), Monitoring.class));
            }
        }
        return monitorings;
    }

    /** A NextChat monitoring is over once the agent accepted a chat with it. */
    public void endUsed(String agentId, List<Monitoring> used) {
        for (Monitoring monitoring : used) {
            if (monitoring.scope() == MonitoringScope.NextChat) {
                Response ended = endScript.run(redis, List.of(keys.monitoredBy(agentId)),
                        List.of(monitoring.supervisorId(), json.write(monitoring)));
                if (ended != null && ended.toInteger() > 0) {
                    redis.sendAndAwait(Request.cmd(Command.SREM).arg(keys.monitoring(monitoring.supervisorId()))
                            .arg(agentId));
                }
            }
        }
    }
}
