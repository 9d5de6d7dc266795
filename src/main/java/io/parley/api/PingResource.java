package io.parley.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Answers without touching Redis or checking a token, on the same threads as the chat operations: what the HTTP
 * and REST layers alone cost (the baseline the benchmark holds chat operations against), and a cheap liveness
 * check for load balancers.
 */
@Path("/api/v2/ping")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PingResource {

    private static final Replies.Done PONG = Replies.done();

    @GET
    public Replies.Done ping() {
        return PONG;
    }
}
