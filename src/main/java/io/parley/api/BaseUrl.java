package io.parley.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import io.parley.ParleyConfig;

/** The base every written URI starts with: the configured public URL, else the request's own. */
@ApplicationScoped
public class BaseUrl {

    private final ParleyConfig config;

    BaseUrl(ParleyConfig config) {
        this.config = config;
    }

    public String of(UriInfo request) {
        String base = config.publicBaseUrl().orElseGet(() -> {
            var uri = request.getBaseUri();
            return uri.getScheme() + "://" + uri.getRawAuthority();
        });
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
