package io.parley.api;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.parley.auth.CsrfRefused;
import io.parley.auth.Throttled;
import io.parley.chat.StatusCode;
import io.parley.store.RedisErrors;
import io.parley.store.RedisFailure;
import io.parley.store.ReplicasBehind;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into a GWS reply body. Refusals of bad input are expected and logged at most in one line;
 * only a genuine server fault is logged with its stack trace. A reply names a cause only when it was checked: an
 * unreachable Redis, or a command Redis (or its client) refused.
 */
public class FailureMapper {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class);
    /** How the Redis client fails a command it did not send because its connection had closed. */
    private static final String CLOSED_BEFORE_SENDING = "Connection is closed";

    private final RedisErrors redisErrors;

    FailureMapper(RedisErrors redisErrors) {
        this.redisErrors = redisErrors;
    }

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return Replies.failure(e.statusCode(), e.getMessage());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return Replies.failure(StatusCode.NOT_AUTHENTICATED, Replies.CREDENTIALS_REQUIRED);
    }

    @ServerExceptionMapper
    public Response throttled(Throttled e) {
        return Response.fromResponse(Replies.failure(StatusCode.NOT_AUTHENTICATED, e.getMessage()))
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRefused e) {
        return Replies.failure(StatusCode.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Replies.failure(StatusCode.NO_PERMISSION, "Your role does not permit this request");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Replies.failure(StatusCode.NOT_FOUND, "No such resource");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.fromResponse(Replies.failure(StatusCode.INVALID_INPUT, "Method not allowed on this resource"))
                .status(405)
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Replies.failure(StatusCode.INTERNAL_ERROR, "Internal error");
        }
        return Response.fromResponse(Replies.failure(StatusCode.INVALID_INPUT, "Invalid request")).status(status)
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Throwable notSent = notSent(e);
        if (notSent != null) {
            redisErrors.failed(RedisErrors.During.request);
            // an outage, not a fault of this code: one line per request, not a stack trace each
            LOG.warnf("Redis unreachable, answered 503: %s", notSent.toString());
            return Replies.failure(StatusCode.INTERNAL_ERROR, "Redis is unreachable; nothing was changed, try again");
        }
        Throwable lost = lostOnTheWay(e);
        if (lost != null) {
            redisErrors.failed(RedisErrors.During.request);
            LOG.warnf("Redis connection lost during a request, answered 503: %s", lost.toString());
            return Replies.failure(StatusCode.INTERNAL_ERROR,
                    "The connection to Redis was lost during the request, which may or may not have been applied");
        }
        if (causedBy(e, ReplicasBehind.class) != null) {
            LOG.warnf("Redis replicas behind, answered 503: %s", causedBy(e, ReplicasBehind.class).getMessage());
            return Replies.failure(StatusCode.INTERNAL_ERROR, "Redis replicas did not confirm the change in time; "
                    + "it was applied on the primary and may be lost if the primary fails now");
        }
        if (RedisFailure.isRedis(e)) {
            redisErrors.failed(RedisErrors.During.request);
            // one line, and no stack trace: the client's messages and traces can carry the command's arguments
            LOG.errorf("Redis failed a request, answered 503: %s", RedisFailure.describe(e));
            return Replies.failure(StatusCode.INTERNAL_ERROR, "Redis failed the request");
        }
        LOG.error("Request failed", e);
        return Replies.failure(StatusCode.INTERNAL_ERROR, "Internal error");
    }

    /**
     * The failure behind {@code e} if no command of the request reached Redis: the connection was refused, or the
     * Redis client found its connection closed before sending (it fails the command with "Connection is closed").
     */
    private static Throwable notSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || CLOSED_BEFORE_SENDING.equals(cause.getMessage())) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    /** The failure behind {@code e} if the connection dropped with a command on its way: it may have been applied. */
    private static Throwable lostOnTheWay(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ClosedChannelException) {
                return cause;
            }
        }
        return null;
    }
}
