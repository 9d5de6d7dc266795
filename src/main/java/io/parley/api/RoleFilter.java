package io.parley.api;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.parley.ParleyConfig;
import io.parley.chat.StatusCode;

/** A push-only instance holds connections; it does not take API requests. */
public class RoleFilter {

    private final ParleyConfig config;

    RoleFilter(ParleyConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response onlyOnApiRole(ContainerRequestContext request) {
        if (config.role().servesApi()) {
            return null;
        }
        return Replies.failure(StatusCode.NOT_FOUND, "This instance only serves /api/v2/notifications");
    }
}
