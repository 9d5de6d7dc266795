package io.parley.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Sends groups of requests, each group within one hash slot: on a standalone Redis all in one pipeline (one round
 * trip); on a cluster one pipeline per group, all at once, since a pipeline must not span slots.
 */
final class Pipelines {

    private Pipelines() {
    }

    /** @return the replies of every request, in the order of the groups and of the requests within them */
    static List<Response> send(Redis redis, Topology topology, List<List<Request>> groups) {
        List<List<Request>> nonEmpty = groups.stream().filter(group -> !group.isEmpty()).toList();
        if (!topology.cluster()) {
            List<Request> all = nonEmpty.stream().flatMap(List::stream).toList();
            return all.size() == 1 ? Collections.singletonList(redis.sendAndAwait(all.get(0)))
                    : redis.batchAndAwait(all);
        }
        List<Uni<List<Response>>> sent = nonEmpty.stream()
                .map(group -> group.size() == 1
                        ? redis.send(group.get(0)).map(Collections::singletonList)
                        : redis.batch(group))
                .toList();
        List<Response> replies = new ArrayList<>();
        Uni.join().all(sent).andFailFast().await().indefinitely().forEach(replies::addAll);
        return replies;
    }
}
