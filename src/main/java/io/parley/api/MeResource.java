package io.parley.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.ParleyConfig;
import io.parley.chat.ChatView;
import io.parley.chat.Moment;
import io.parley.auth.SignOut;
import io.parley.chat.StatusCode;
import io.parley.routing.Dispatcher;
import io.parley.store.AgentChannels;
import io.parley.store.Json;
import io.parley.store.Monitorings;
import io.parley.store.UserRepository;
import io.parley.user.ChannelState;
import io.parley.user.ChannelStatus;
import io.parley.user.ChannelView;
import io.parley.user.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** The signed-in user: who they are, their contact center session and their readiness for chats. */
@Path("/api/v2/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed({ User.AGENT, User.SUPERVISOR, User.ADMIN })
@RunOnVirtualThread
public class MeResource {

    /**
     * The user; {@code devices} and {@code chats} only with {@code subresources} (GWS's {@code /me?subresources=*},
     * https://docs.genesys.com/Documentation:GWS:API:RequestParameters:8.5.0). Parley has no devices.
     */
    public record Me(String id, String userName, String firstName, String lastName, List<String> roles, String uri,
            String path, List<ChannelView> channels, List<Object> devices, List<ChatView> chats) {
    }

    public record MeReply(int statusCode, Me user) {
    }

    public record Channels(int statusCode, List<ChannelView> channels) {
    }

    /** One channel's part of a partly successful StartContactCenterSession. */
    public record ChannelOutcome(String channel, int statusCode, String statusMessage) {
    }

    public record SessionReply(int statusCode, String statusMessage, List<ChannelOutcome> channels)
            implements Replies.Coded {
    }

    private static final String CHAT = ChannelView.CHAT;

    private final UserRepository users;
    private final AgentChannels channels;
    private final Dispatcher dispatcher;
    private final Desk desk;
    private final Json json;
    private final ParleyConfig config;
    private final BaseUrl baseUrl;
    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final SignOut signOut;
    private final Monitorings monitorings;

    MeResource(UserRepository users, AgentChannels channels, Dispatcher dispatcher, Desk desk, Json json,
            ParleyConfig config, BaseUrl baseUrl, JsonWebToken token, SecurityIdentity identity, SignOut signOut,
            Monitorings monitorings) {
        this.monitorings = monitorings;
        this.desk = desk;
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
    public MeReply me(@QueryParam("subresources") String subresources, @Context UriInfo request) {
        if (subresources != null && !subresources.equals("*")) {
            throw JsonBody.invalid("subresources must be * (Parley's user has channels, devices and chats)");
        }
        User user = currentUser();
        String base = baseUrl.of(request);
        UserView view = UserView.of(user, base);
        boolean all = subresources != null;
        List<ChatView> chats = all && user.isAgent()
                ? desk.chats(user.id(), new Moment(System.currentTimeMillis(), base))
                : all ? List.of() : null;
        return new MeReply(StatusCode.SUCCESS.code, new Me(view.id(), view.userName(), view.firstName(),
                view.lastName(), view.roles(), view.uri(), view.path(), channelsOf(user), all ? List.of() : null,
                chats));
    }

    /** GWS's {@code GET /me/channels} (https://docs.genesys.com/Documentation/GWS/8.5.0/API/QueryAgentState). */
    @GET
    @Path("channels")
    public Channels channels() {
        return new Channels(StatusCode.SUCCESS.code, channelsOf(currentUser()));
    }

    /**
     * StartContactCenterSession logs the agent into the channels it names, EndContactCenterSession out of all.
     * Naming channels Parley does not serve (voice, email, ...) beside chat starts chat and answers statusCode 7,
     * partial success, with each channel's own outcome, as GWS does when a channel fails
     * (https://docs.genesys.com/Documentation/HTCC/latest/API/StartContactCenterSession); naming none Parley
     * serves fails as a whole with that channel's statusCode.
     */
    @POST
    public SessionReply session(byte[] body, @Context HttpServerRequest request,
            @Context HttpServerResponse response) {
        JsonBody input = parse(body).allowOnly(Set.of("operationName", "channels"));
        String operation = OperationParser.operationName(input);
        List<String> requested = input.optionalTextList("channels", 8);
        User agent = currentAgent();
        switch (operation) {
            case "StartContactCenterSession" -> {
                List<String> named = requested == null ? List.of(CHAT) : requested;
                if (named.isEmpty()) {
                    throw JsonBody.invalid("Parameter 'channels' must name the chat channel");
                }
                List<String> unserved = named.stream().filter(channel -> !channel.equals(CHAT)).distinct().toList();
                if (unserved.size() == named.size()) {
                    throw JsonBody.invalid(unserved(unserved.get(0)));
                }
                if (channels.state(agent.id()) == ChannelState.LoggedOut) {
                    channels.set(agent.id(), ChannelState.NotReady);
                }
                if (!unserved.isEmpty()) {
                    List<ChannelOutcome> outcomes = new ArrayList<>();
                    outcomes.add(new ChannelOutcome(CHAT, StatusCode.SUCCESS.code, null));
                    unserved.forEach(channel -> outcomes.add(new ChannelOutcome(channel,
                            StatusCode.INVALID_INPUT.code, unserved(channel))));
                    return new SessionReply(StatusCode.PARTIAL_SUCCESS.code,
                            "Started chat only; Parley does not serve " + String.join(", ", unserved.stream()
                                    .map(JsonBody::printable).toList()), outcomes);
                }
            }
            case "EndContactCenterSession" -> {
                if (requested != null) {
                    throw JsonBody.invalid("EndContactCenterSession takes no channels: it ends the whole session");
                }
                channels.set(agent.id(), ChannelState.LoggedOut);
                if (agent.roles().contains(User.SUPERVISOR)) {
                    // a supervisor's logout ends their monitorings too (GWS's ChatSupervisor page)
                    monitorings.endAll(agent.id());
                }
                signOut.end(identity, request, response);
            }
            default -> throw JsonBody.invalid("Unknown operationName '" + JsonBody.printable(operation) + "'");
        }
        return new SessionReply(StatusCode.SUCCESS.code, null, null);
    }

    /**
     * Ready, or NotReady with an optional {@code reasonCode}, which the channel's state then shows until the next
     * change (https://docs.genesys.com/Documentation/GWS/8.5.0/API/QueryAgentState).
     */
    @POST
    @Path("channels/chat")
    public Replies.Done readiness(byte[] body) {
        JsonBody input = parse(body).allowOnly(Set.of("operationName", "reasonCode"));
        String operation = OperationParser.operationName(input);
        String reasonCode = input.optionalText("reasonCode", TextKind.NAME, MAX_REASON);
        ChannelStatus wanted = switch (operation) {
            case "Ready" -> {
                if (reasonCode != null) {
                    throw JsonBody.invalid("Parameter 'reasonCode' goes with NotReady only");
                }
                yield ChannelStatus.of(ChannelState.Ready);
            }
            case "NotReady" -> new ChannelStatus(ChannelState.NotReady, reasonCode);
            default -> throw JsonBody.invalid("Unknown operationName '" + JsonBody.printable(operation) + "'");
        };
        User agent = currentAgent();
        if (channels.state(agent.id()) == ChannelState.LoggedOut) {
            throw new ApiException(StatusCode.INVALID_STATE, "Start a contact center session first");
        }
        channels.set(agent.id(), wanted);
        if (wanted.state() == ChannelState.Ready) {
            dispatcher.kick();
        }
        return Replies.done();
    }

    private static final int MAX_REASON = 64;

    private static String unserved(String channel) {
        return "Parley serves the chat channel only, not '" + JsonBody.printable(channel) + "'";
    }

    private List<ChannelView> channelsOf(User user) {
        return user.isAgent() ? List.of(ChannelView.chat(channels.status(user.id()))) : List.of();
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
        OperationTrail.user(user.id());
        return user;
    }
}
