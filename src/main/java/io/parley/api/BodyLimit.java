package io.parley.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.parley.ParleyConfig;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads request bodies up to {@code parley.request.max-bytes} and refuses longer ones with statusCode 10, whether
 * their length is announced or they arrive chunked. Left to Quarkus, a body over its outer limit gets a 413 with no
 * reply body, and a chunked one also fails the resource's read and logs two stack traces.
 */
@ApplicationScoped
public class BodyLimit {

    /** Ahead of Quarkus's own size guard (order -2) and of the REST layer, which then takes the read body. */
    private static final int BEFORE_QUARKUS_GUARD = -3;
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final ParleyConfig config;
    private final Json json;

    BodyLimit(ParleyConfig config, Json json) {
        this.config = config;
        this.json = json;
    }

    void route(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(config.request().maxBytes());
        router.route().order(BEFORE_QUARKUS_GUARD)
                .handler(context -> {
                    if (hasBody(context.request()) && !isMultipart(context.request())) {
                        bodies.handle(context);
                    } else {
                        // left to the REST layer, as the body handler would hand on no body: an empty one, or a
                        // multipart one, which it decodes as a form
                        context.next();
                    }
                })
                .failureHandler(this::tooLarge);
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length == null ? request.headers().contains(HttpHeaders.TRANSFER_ENCODING) : !"0".equals(length.trim());
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    private void tooLarge(RoutingContext context) {
        if (context.failure() instanceof HttpClosedException && context.response().ended()) {
            // the connection closed after the refusal below, with the rest of the body unread: nothing to answer
            return;
        }
        if (context.statusCode() != PAYLOAD_TOO_LARGE || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(Replies.httpStatus(StatusCode.INVALID_INPUT))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json.write(new Replies.Failure(StatusCode.INVALID_INPUT.code,
                        "The request body is larger than " + config.request().maxBytes() + " bytes")));
    }
}
