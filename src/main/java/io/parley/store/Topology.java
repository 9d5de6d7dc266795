package io.parley.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.ParleyConfig.RedisSettings.CommitMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * What the Redis deployment allows: on a Redis Cluster no command, pipeline or script may touch two hash slots, so
 * a decision's writes outside its chat are relayed step by step, and the shared sets are split into shards.
 */
@ApplicationScoped
public class Topology {

    private final boolean cluster;
    private final CommitMode commit;
    private final int shards;

    Topology(ParleyConfig config,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.cluster = "cluster".equalsIgnoreCase(clientType);
        this.commit = config.redis().commit().orElse(cluster ? CommitMode.relayed : CommitMode.atomic);
        if (cluster && commit == CommitMode.atomic) {
            throw new ConfigurationException(
                    "parley.redis.commit=atomic cannot run on a Redis Cluster: its one script spans hash slots");
        }
        this.shards = config.redis().shards().orElse(cluster ? 16 : 1);
        if (shards < 1 || shards > 1024) {
            throw new ConfigurationException(
                    "parley.redis.shards must be between 1 and 1024, not " + shards);
        }
        Logger.getLogger(Topology.class).infof("Redis %s: %s commits, %d shards, writes wait for %d replicas",
                cluster ? "Cluster" : "standalone", commit, shards, config.redis().waitReplicas());
    }

    /** Every command, pipeline and script must stay within one hash slot. */
    public boolean cluster() {
        return cluster;
    }

    public boolean relayed() {
        return commit == CommitMode.relayed;
    }

    public int shards() {
        return shards;
    }

    /** The shard of a chat or user id: stable across instances and restarts (String.hashCode is specified). */
    public int shardOf(String id) {
        return Math.floorMod(id.hashCode(), shards);
    }
}
