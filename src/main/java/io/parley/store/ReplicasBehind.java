package io.parley.store;

/**
 * A write reached its primary but not as many replicas as {@code parley.redis.wait-replicas} asks for in time: if
 * the primary failed now, a promoted replica might not hold it, so the operation must not be answered as done.
 */
public class ReplicasBehind extends RuntimeException {

    public ReplicasBehind(int wanted, int confirmed) {
        super("Redis confirmed a write on " + confirmed + " of the " + wanted + " replicas required");
    }
}
