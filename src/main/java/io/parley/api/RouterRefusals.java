package io.parley.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the router refuses before any route sees them: an HTTP/1.1 request without a valid Host header (which
 * forwarded headers no longer stand in for), a path that does not start with a slash. They are bad input like any
 * other: a GWS reply with statusCode 10, and no error in the log, where any client could otherwise write lines.
 */
@ApplicationScoped
public class RouterRefusals {

    private static final Logger LOG = Logger.getLogger(RouterRefusals.class);

    private final Json json;

    RouterRefusals(Json json) {
        this.json = json;
    }

    void route(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refuse);
    }

    private void refuse(RoutingContext context) {
        if (context.statusCode() != 400 || !(context.failure() instanceof VertxException refusal)
                || context.response().headWritten()) {
            context.next();
            return;
        }
        LOG.debugf("Request refused by the router: %s", refusal.getMessage());
        context.response()
                .setStatusCode(Replies.httpStatus(StatusCode.INVALID_INPUT))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json.write(new Replies.Failure(StatusCode.INVALID_INPUT.code, refusal.getMessage())));
    }
}
