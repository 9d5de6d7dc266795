package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.parley.support.RedisProbe;

/**
 * The cluster the failover tests run on is what it claims: six nodes, three primaries owning every slot with a
 * replica each, keyed commands reaching their slot's primary from any seed, and a primary killed replaced by its
 * replica within the ~10 s a node timeout of 2 s allows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {

    // hash tags in three slots, one in each primary's range: {b} 3300, {c} 7365, {a} 15495
    private static final List<String> KEYS_OF_EACH_PRIMARY = List.of("probe:{b}", "probe:{c}", "probe:{a}");

    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start(Path.of("target", "it-local-cluster"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void sixNodesOfWhichThreePrimariesOwnEverySlot() {
        String hosts = cluster.hosts();
        assertEquals(6, hosts.split(",").length, hosts);
        assertEquals(6, RedisProbe.nodes(hosts).size(), RedisProbe.nodes(hosts).toString());
        List<String> primaries = cluster.primaries();
        assertEquals(3, primaries.size(), primaries.toString());

        List<String> info = RedisProbe.command(hosts, "CLUSTER", "INFO");
        assertTrue(info.contains("cluster_state:ok"), info.toString());
        assertTrue(info.contains("cluster_slots_assigned:16384"), info.toString());
        assertTrue(info.contains("cluster_size:3"), info.toString());
        Set<String> replicas = new HashSet<>();
        for (String primary : primaries) {
            String replica = cluster.replicaOf(primary);
            assertFalse(primaries.contains(replica), replica);
            replicas.add(replica);
        }
        assertEquals(3, replicas.size(), "each primary has a replica of its own: " + replicas);
    }

    @Test
    @Order(2)
    void aKeyedCommandSentToTheFirstSeedReachesItsSlotsPrimary() {
        Set<String> owners = new HashSet<>();
        for (String key : KEYS_OF_EACH_PRIMARY) {
            assertEquals(List.of("+OK"), RedisProbe.command(cluster.hosts(), "SET", key, "value of " + key));
            assertEquals(List.of("$" + ("value of " + key).length(), "value of " + key),
                    RedisProbe.command(cluster.hosts(), "GET", key));
            owners.add(ownerOf(key));
        }
        assertEquals(Set.copyOf(cluster.primaries()), owners, "the three keys live on the three primaries");
    }

    @Test
    @Order(3)
    void aKilledPrimaryIsReplacedByItsReplicaWithItsData() {
        String key = KEYS_OF_EACH_PRIMARY.get(0);
        RedisProbe.command(cluster.hosts(), "SET", key, "kept");
        String primary = ownerOf(key);
        String replica = cluster.replicaOf(primary);
        assertEquals(":1", RedisProbe.command(primary, "WAIT", "1", "5000").get(0), "the replica has the write");

        cluster.kill(primary);
        cluster.awaitFailover(replica, Duration.ofSeconds(10));

        List<String> primaries = cluster.primaries();
        assertEquals(3, primaries.size(), primaries.toString());
        assertTrue(primaries.contains(replica) && !primaries.contains(primary), primaries.toString());
        assertEquals(List.of("$4", "kept"), RedisProbe.command(replica, "GET", key));
    }

    /** The primary that holds {@code key}: the one that counts a key in its slot (the others have none there). */
    private static String ownerOf(String key) {
        String slot = RedisProbe.command(cluster.hosts(), "CLUSTER", "KEYSLOT", key).get(0).substring(1);
        return cluster.primaries().stream()
                .filter(primary -> RedisProbe.command(primary, "CLUSTER", "COUNTKEYSINSLOT", slot).equals(List.of(":1")))
                .findFirst().orElseThrow(() -> new AssertionError("No primary holds " + key));
    }
}
