package io.parley.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.ParleyConfig;
import io.parley.chat.Actor;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.parley.store.Monitorings;
import io.parley.store.UserRepository;
import io.parley.user.User;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * A supervisor joins one chat an agent is in now: {@code POST /api/v2/users/{agentId}/chats/{chatId}} with
 * Intrude (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatIntrude). Any supervisor may supervise any
 * agent: Parley has no teams to say whose supervisor they are. From then on the supervisor works the chat as their
 * own, on {@code /api/v2/me/chats/{chatId}}.
 */
@Path("/api/v2/users/{userId}/chats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed(User.SUPERVISOR)
@RunOnVirtualThread
public class SupervisorChatResource {

    private final ChatActions actions;
    private final UserRepository users;
    private final Monitorings monitorings;
    private final Json json;
    private final ParleyConfig config;
    private final BaseUrl baseUrl;
    private final JsonWebToken token;

    SupervisorChatResource(ChatActions actions, UserRepository users, Monitorings monitorings, Json json,
            ParleyConfig config, BaseUrl baseUrl, JsonWebToken token) {
        this.actions = actions;
        this.monitorings = monitorings;
        this.users = users;
        this.json = json;
        this.config = config;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    @POST
    @Path("{chatId}")
    public Replies.Accepted operate(@PathParam("userId") String userId, @PathParam("chatId") String chatId,
            byte[] body, @Context UriInfo request) {
        String agentId = Ids.userId(userId);
        String id = Ids.chatId(chatId);
        JsonBody input = JsonBody.parse(json.mapper(), body, config.request().maxBytes());
        User supervisor = users.find(token.getSubject())
                .orElseThrow(() -> new ApiException(StatusCode.NOT_AUTHENTICATED, "The token's user no longer exists"));
        var monitoring = monitorings.of(agentId, supervisor.id()).orElse(null);
        // the chat shows the supervisor by the monitoring's nickname, else by user name, as GWS does
        var intrusion = OperationParser.intrusion(input, agentId,
                monitoring == null ? supervisor.userName() : monitoring.nickname(),
                monitoring == null ? null : monitoring.mode());
        return actions.perform(id, new Actor.Agent(supervisor.id()), intrusion, baseUrl.of(request));
    }
}
