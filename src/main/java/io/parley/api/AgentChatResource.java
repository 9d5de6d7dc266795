package io.parley.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.ParleyConfig;
import io.parley.chat.Actor;
import io.parley.chat.Chat;
import io.parley.chat.ChatState;
import io.parley.chat.ChatView;
import io.parley.chat.Message;
import io.parley.chat.Moment;
import io.parley.chat.Monitoring;
import io.parley.chat.Operation;
import io.parley.chat.StatusCode;
import io.parley.chat.Views;
import io.parley.store.ChatRepository;
import io.parley.store.Monitorings;
import io.parley.store.Json;
import io.parley.user.User;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** The agent's chats: {@code /api/v2/me/chats} (docs/api.md §3, §4). */
@Path("/api/v2/me/chats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed({ User.AGENT, User.SUPERVISOR })
@RunOnVirtualThread
public class AgentChatResource {

    /** GWS answers a list request with {@code uris}, or with {@code chats} when {@code fields} names some. */
    public record Chats(int statusCode, List<?> chats, List<String> uris) {
    }

    public record OneChat(int statusCode, ChatView chat) {
    }

    public record Messages(int statusCode, List<Message> messages) {
    }

    private final ChatRepository chats;
    private final Monitorings monitorings;
    private final Desk desk;
    private final ChatActions actions;
    private final Json json;
    private final ParleyConfig config;
    private final BaseUrl baseUrl;
    private final JsonWebToken token;

    AgentChatResource(ChatRepository chats, Monitorings monitorings, Desk desk, ChatActions actions, Json json,
            ParleyConfig config, BaseUrl baseUrl, JsonWebToken token) {
        this.chats = chats;
        this.monitorings = monitorings;
        this.desk = desk;
        this.actions = actions;
        this.json = json;
        this.config = config;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * GWS lists a collection as {@code uris} unless {@code fields} asks for the objects: {@code *} for all their
     * fields, or a comma-separated list of the fields wanted
     * (https://docs.genesys.com/Documentation/HTCC/latest/API/RequestTypes,
     * https://enu.docs.genesys.com/Documentation/GWS/8.5.0/API/ReturnValues).
     */
    @GET
    public Chats list(@QueryParam("fields") String fields, @Context UriInfo request) {
        List<ChatView> views = desk.chats(token.getSubject(), moment(request));
        if (fields == null) {
            return new Chats(StatusCode.SUCCESS.code, null, views.stream().map(ChatView::uri).toList());
        }
        return new Chats(StatusCode.SUCCESS.code, Fields.select(json.mapper(), views, fields), null);
    }

    @GET
    @Path("{id}")
    public OneChat get(@PathParam("id") String id, @Context UriInfo request) {
        Chat chat = involved(id);
        return new OneChat(StatusCode.SUCCESS.code, Views.forAgent(chat, token.getSubject(), moment(request), true));
    }

    @GET
    @Path("{id}/messages")
    public Messages messages(@PathParam("id") String id, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        Chat chat = involved(id);
        if (!chat.seated(token.getSubject()) && !handled(chat)) {
            throw new ApiException(StatusCode.INVALID_STATE, "Accept the chat before reading its transcript");
        }
        return new Messages(StatusCode.SUCCESS.code,
                TranscriptPage.of(chats.transcript(chat.id()), false, startIndex, count));
    }

    @POST
    @Path("{id}")
    public Replies.Accepted operate(@PathParam("id") String id, byte[] body, @Context UriInfo request) {
        String chatId = Ids.chatId(id);
        var operation = OperationParser.agentOperation(
                JsonBody.parse(json.mapper(), body, config.request().maxBytes()));
        String userId = token.getSubject();
        if (operation instanceof Operation.Accept accept) {
            // the agent's supervisors join with them: their standing monitorings go into the decision
            List<Monitoring> watching = monitorings.of(userId);
            Replies.Accepted accepted = actions.perform(chatId, new Actor.Agent(userId),
                    accept.withMonitorings(watching), baseUrl.of(request));
            monitorings.endUsed(userId, watching);
            return accepted;
        }
        return actions.perform(chatId, new Actor.Agent(userId), operation, baseUrl.of(request));
    }

    /**
     * The chat, if this agent is invited to it, in it, or handled it (then read as Completed until the chat's
     * retention after it ended runs out, parley.chat.retention); otherwise it does not exist for them.
     */
    private Chat involved(String id) {
        Chat chat = chats.load(Ids.chatId(id), null, false).map(ChatRepository.Snapshot::chat).orElse(null);
        if (chat == null || Views.agentState(chat, token.getSubject()) == ChatState.Completed && !handled(chat)) {
            throw new ApiException(StatusCode.NOT_FOUND, "Chat " + id + " not found");
        }
        return chat;
    }

    /**
     * Whether this agent or supervisor took part in the chat: participants are kept, so a seat once taken names
     * them.
     */
    private boolean handled(Chat chat) {
        String userId = token.getSubject();
        return chat.participants().stream().anyMatch(p -> p.isStaff() && userId.equals(p.userId()));
    }

    private Moment moment(UriInfo request) {
        return new Moment(System.currentTimeMillis(), baseUrl.of(request));
    }
}
