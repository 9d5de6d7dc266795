package io.parley.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.parley.ParleyConfig;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The agent desktop and customer widget pages under {@code /desktop/} are a way to try Parley, not a product: they
 * are served only where {@code parley.pages.enabled} is on (dev and test by default), and only by an instance
 * that takes API requests, since the pages call nothing else.
 */
@ApplicationScoped
public class DesktopPages {

    public static final String PATH = "/desktop";

    private final ParleyConfig config;
    private final Json json;

    DesktopPages(ParleyConfig config, Json json) {
        this.config = config;
        this.json = json;
    }

    void route(@Observes Router router) {
        if (config.pages().enabled() && config.role().servesApi()) {
            return;
        }
        // ahead of every other route, Quarkus's static resources (served last) among them
        router.routeWithRegex(PATH + "(/.*)?").order(Integer.MIN_VALUE + 1).handler(this::absent);
    }

    private void absent(RoutingContext context) {
        context.response()
                .setStatusCode(Replies.httpStatus(StatusCode.NOT_FOUND))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json.write(new Replies.Failure(StatusCode.NOT_FOUND.code,
                        "The desktop pages are not served here (parley.pages.enabled)")));
    }
}
