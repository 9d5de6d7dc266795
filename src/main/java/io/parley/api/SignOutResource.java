package io.parley.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.auth.SignOut;
import io.parley.store.Monitorings;
import io.parley.user.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Signing out: ends the session of the {@code JSESSIONID} cookie (or the one a Basic request opened). GWS's
 * documentation names no such endpoint; EndContactCenterSession ends the session as well.
 */
@Path("/api/v2/signout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed({ User.AGENT, User.SUPERVISOR, User.ADMIN })
@RunOnVirtualThread
public class SignOutResource {

    private final SignOut signOut;
    private final SecurityIdentity identity;
    private final Monitorings monitorings;
    private final JsonWebToken token;

    SignOutResource(SignOut signOut, SecurityIdentity identity, Monitorings monitorings, JsonWebToken token) {
        this.signOut = signOut;
        this.identity = identity;
        this.monitorings = monitorings;
        this.token = token;
    }

    /** Also ends the caller's monitorings of agents, as a supervisor's logout does in GWS. */
    @POST
    public Replies.Done signOut(@Context HttpServerRequest request, @Context HttpServerResponse response) {
        if (identity.hasRole(User.SUPERVISOR)) {
            monitorings.endAll(token.getSubject());
        }
        signOut.end(identity, request, response);
        return Replies.done();
    }
}
