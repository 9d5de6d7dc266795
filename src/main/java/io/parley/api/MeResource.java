package io.parley.api;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.ParleyConfig;
import io.parley.auth.SignOut;
import io.parley.chat.StatusCode;
import io.parley.routing.Dispatcher;
import io.parley.store.AgentChannels;
import io.parley.store.Json;
import io.parley.store.UserRepository;
import io.parley.user.ChannelState;
import io.parley.user.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** The signed-in user: who they are, their contact center session and their readiness for chats. */
@Path("/api/v2/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed({ User.AGENT, User.ADMIN })
@RunOnVirtualThread
public class MeResource {

    public record UserState(String state) {
    }

    public record Channel(String channel, UserState userState) {
    }

    public record Me(String id, String userName, String firstName, String lastName, List<String> roles, String uri,
            String path, List<Channel> channels) {
    }

    public record MeReply(int statusCode, Me user) {
    }

    private final UserRepository users;
    private final AgentChannels channels;
    private final Dispatcher dispatcher;
    private final Json json;
    private final ParleyConfig config;
    private final BaseUrl baseUrl;
    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final SignOut signOut;

    MeResource(UserRepository users, AgentChannels channels, Dispatcher dispatcher, Json json, ParleyConfig config,
            BaseUrl baseUrl, JsonWebToken token, SecurityIdentity identity, SignOut signOut) {
        this.users = users;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.json = json;
        this.config = config;
        this.baseUrl = baseUrl;
        this.token = token;
        this.identity = identity;
        this.signOut = signOut;
    }

    @GET
    public MeReply me(@Context UriInfo request) {
        User user = currentUser();
        UserView view = UserView.of(user, baseUrl.of(request));
        List<Channel> chat = user.isAgent()
                ? List.of(new Channel("chat", new UserState(channels.state(user.id()).name())))
                : List.of();
        return new MeReply(StatusCode.SUCCESS.code, new Me(view.id(), view.userName(), view.firstName(),
                view.lastName(), view.roles(), view.uri(), view.path(), chat));
    }

    @POST
    public Replies.Done session(byte[] body, @Context HttpServerRequest request,
            @Context HttpServerResponse response) {
        JsonBody input = parse(body).allowOnly(Set.of("operationName", "channels"));
        String operation = OperationParser.operationName(input);
        List<String> requested = input.optionalTextList("channels", 8);
        if (requested != null && !requested.equals(List.of("chat"))) {
            throw JsonBody.invalid("Parley serves the chat channel only: channels must be [\"chat\"]");
        }
        User agent = currentAgent();
        switch (operation) {
            case "StartContactCenterSession" -> {
                if (channels.state(agent.id()) == ChannelState.LoggedOut) {
                    channels.set(agent.id(), ChannelState.NotReady);
                }
            }
            case "EndContactCenterSession" -> {
                channels.set(agent.id(), ChannelState.LoggedOut);
                signOut.end(identity, request, response);
            }
            default -> throw JsonBody.invalid("Unknown operationName '" + JsonBody.printable(operation) + "'");
        }
        return Replies.done();
    }

    @POST
    @Path("channels/chat")
    public Replies.Done readiness(byte[] body) {
        String operation = OperationParser.operationName(parse(body).allowOnly(Set.of("operationName")));
        ChannelState wanted = switch (operation) {
            case "Ready" -> ChannelState.Ready;
            case "NotReady" -> ChannelState.NotReady;
            default -> throw JsonBody.invalid("Unknown operationName '" + JsonBody.printable(operation) + "'");
        };
        User agent = currentAgent();
        if (channels.state(agent.id()) == ChannelState.LoggedOut) {
            throw new ApiException(StatusCode.INVALID_STATE, "Start a contact center session first");
        }
        channels.set(agent.id(), wanted);
        if (wanted == ChannelState.Ready) {
            dispatcher.kick();
        }
        return Replies.done();
    }

    private JsonBody parse(byte[] body) {
        return JsonBody.parse(json.mapper(), body, config.request().maxBytes());
    }

    private User currentUser() {
        return users.find(token.getSubject())
                .orElseThrow(() -> new ApiException(StatusCode.NOT_AUTHENTICATED, "The token's user no longer exists"));
    }

    private User currentAgent() {
        User user = currentUser();
        if (!user.isAgent()) {
            throw new ApiException(StatusCode.NO_PERMISSION, "Only agents have a chat channel");
        }
        return user;
    }
}
