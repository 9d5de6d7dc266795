package io.parley.api;

import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
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
import io.parley.auth.Caller;
import io.parley.auth.TokenIssuer;
import io.parley.chat.Actor;
import io.parley.chat.Chat;
import io.parley.chat.ChatRules;
import io.parley.chat.ChatView;
import io.parley.chat.Moment;
import io.parley.chat.Outcome;
import io.parley.chat.StatusCode;
import io.parley.chat.Views;
import io.parley.routing.Dispatcher;
import io.parley.store.ChatRepository;
import io.parley.store.Json;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * The customer side (not part of GWS's agent API): starting a chat, and taking part in it with the chat-scoped
 * token that start returns.
 */
@Path("/api/v2/chats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RunOnVirtualThread
public class CustomerChatResource {

    public record Started(int statusCode, String chatId, String participantId, String token, String uri)
            implements Replies.Coded {
    }

    public record OneChat(int statusCode, ChatView chat) {
    }

    private final ChatRepository chats;
    private final ChatRules rules;
    private final ChatActions actions;
    private final Dispatcher dispatcher;
    private final FreshIds freshIds;
    private final TokenIssuer tokens;
    private final Json json;
    private final ParleyConfig config;
    private final BaseUrl baseUrl;
    private final JsonWebToken token;

    CustomerChatResource(ChatRepository chats, ChatRules rules, ChatActions actions, Dispatcher dispatcher,
            FreshIds freshIds, TokenIssuer tokens, Json json, ParleyConfig config, BaseUrl baseUrl,
            JsonWebToken token) {
        this.chats = chats;
        this.rules = rules;
        this.actions = actions;
        this.dispatcher = dispatcher;
        this.freshIds = freshIds;
        this.tokens = tokens;
        this.json = json;
        this.config = config;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Open to anyone, like a web chat widget: the reply's token is the customer's key to this one chat. */
    @POST
    @PermitAll
    public Started start(byte[] body, @Context UriInfo request) {
        OperationTrail.named("StartChat");
        JsonBody input = JsonBody.parse(json.mapper(), body, config.request().maxBytes())
                .allowOnly(Set.of("nickname", "subject", "userData"));
        String nickname = input.requiredText("nickname", TextKind.NAME, 64);
        String subject = input.optionalText("subject", TextKind.FREE_TEXT, JsonBody.MAX_SHORT);
        Map<String, Object> userData = input.optionalUserData("userData");
        String base = baseUrl.of(request);
        Moment moment = new Moment(System.currentTimeMillis(), base);
        Outcome.Applied opened;
        do {
            opened = rules.open(freshIds.chatId(), freshIds.idStem(), nickname, subject, userData, moment);
        } while (chats.commit(opened, 0, base) != ChatRepository.CommitResult.COMMITTED);
        dispatcher.kick();
        Chat chat = opened.chat();
        OperationTrail.chat(chat.id());
        String participantId = chat.customer().orElseThrow().participantId();
        return new Started(StatusCode.SUCCESS.code, chat.id(), participantId,
                tokens.forCustomer(chat.id(), participantId), moment.chatUri(chat.id()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.CUSTOMER)
    public OneChat get(@PathParam("id") String id, @Context UriInfo request) {
        Chat chat = ownChat(id);
        return new OneChat(StatusCode.SUCCESS.code,
                Views.forCustomer(chat, new Moment(System.currentTimeMillis(), baseUrl.of(request))));
    }

    @GET
    @Path("{id}/messages")
    @RolesAllowed(Caller.CUSTOMER)
    public AgentChatResource.Messages messages(@PathParam("id") String id,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        Chat chat = ownChat(id);
        return new AgentChatResource.Messages(StatusCode.SUCCESS.code,
                TranscriptPage.of(chats.transcript(chat.id()), true, startIndex, count));
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Caller.CUSTOMER)
    public Replies.Accepted operate(@PathParam("id") String id, byte[] body, @Context UriInfo request) {
        String chatId = ownChatId(id);
        var operation = OperationParser.customerOperation(
                JsonBody.parse(json.mapper(), body, config.request().maxBytes()));
        Caller caller = Caller.of(token);
        return actions.perform(chatId, new Actor.Customer(caller.participantId()), operation, baseUrl.of(request));
    }

    /** A customer token opens its own chat only; any other chat does not exist for it. */
    private String ownChatId(String id) {
        String chatId = Ids.chatId(id);
        if (!chatId.equals(Caller.of(token).chatId())) {
            throw new ApiException(StatusCode.NOT_FOUND, "Chat " + chatId + " not found");
        }
        return chatId;
    }

    private Chat ownChat(String id) {
        return chats.load(ownChatId(id), null, false).map(ChatRepository.Snapshot::chat)
                .orElseThrow(() -> new ApiException(StatusCode.NOT_FOUND, "Chat " + id + " not found"));
    }
}
