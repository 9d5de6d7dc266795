package io.parley.api;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.parley.ParleyConfig;
import io.parley.auth.Passwords;
import io.parley.chat.ChatRules;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.parley.store.UserRepository;
import io.parley.user.User;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** The users: agents read them (to find whom to invite), administrators create them. */
@Path("/api/v2/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RunOnVirtualThread
public class UserResource {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Set<String> ROLES = Set.of(User.AGENT, User.ADMIN);

    public record Created(int statusCode, String id, String uri, String path) {
    }

    public record One(int statusCode, UserView user) {
    }

    public record Many(int statusCode, List<UserView> users) {
    }

    private final UserRepository users;
    private final Json json;
    private final ParleyConfig config;
    private final BaseUrl baseUrl;
    private final Passwords passwords;
    private final ChatRules rules;

    UserResource(UserRepository users, Json json, ParleyConfig config, BaseUrl baseUrl, Passwords passwords,
            ChatRules rules) {
        this.users = users;
        this.rules = rules;
        this.passwords = passwords;
        this.json = json;
        this.config = config;
        this.baseUrl = baseUrl;
    }

    @POST
    @RolesAllowed(User.ADMIN)
    public Created create(byte[] body, @Context UriInfo request) {
        JsonBody input = JsonBody.parse(json.mapper(), body, config.request().maxBytes())
                .allowOnly(Set.of("userName", "password", "firstName", "lastName", "roles", "queues"));
        String userName = input.requiredText("userName", TextKind.NAME, 64);
        if (!USER_NAME.matcher(userName).matches()) {
            throw JsonBody.invalid("userName may only hold letters, digits and . _ @ -");
        }
        String password = input.requiredText("password", TextKind.SECRET, 128);
        if (password.length() < 8) {
            throw JsonBody.invalid("password must have at least 8 characters");
        }
        if (!Passwords.fits(password)) {
            throw JsonBody.invalid("password must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
        }
        List<String> roles = input.optionalTextList("roles", 4);
        if (roles == null) {
            roles = List.of(User.AGENT);
        }
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw JsonBody.invalid("roles must be one or more of " + ROLES);
        }
        String firstName = input.optionalText("firstName", TextKind.NAME, JsonBody.MAX_SHORT);
        String lastName = input.optionalText("lastName", TextKind.NAME, JsonBody.MAX_SHORT);
        List<String> queues = queues(input);
        User user = new User(User.newId(), userName, firstName, lastName, roles.stream().distinct().toList(),
                passwords.hash(password), System.currentTimeMillis(), queues);
        if (!users.create(user)) {
            throw new ApiException(StatusCode.ALREADY_EXISTS, "User name '" + userName + "' is taken");
        }
        UserView view = UserView.of(user, baseUrl.of(request));
        return new Created(StatusCode.SUCCESS.code, user.id(), view.uri(), view.path());
    }

    /** The queues an agent serves: configured ones only, each once; none means the default queue. */
    private List<String> queues(JsonBody input) {
        List<String> queues = input.optionalTextList("queues", 100);
        if (queues == null) {
            return List.of();
        }
        for (String queue : queues) {
            if (!rules.policy().knowsQueue(queue)) {
                throw new ApiException(StatusCode.NOT_FOUND, "Queue '" + JsonBody.printable(queue) + "' not found");
            }
        }
        return queues.stream().distinct().toList();
    }

    @GET
    @RolesAllowed({ User.AGENT, User.ADMIN })
    public Many list(@Context UriInfo request) {
        String base = baseUrl.of(request);
        return new Many(StatusCode.SUCCESS.code, users.list().stream().map(u -> UserView.of(u, base)).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ User.AGENT, User.ADMIN })
    public One get(@PathParam("id") String id, @Context UriInfo request) {
        User user = users.find(Ids.userId(id))
                .orElseThrow(() -> new ApiException(StatusCode.NOT_FOUND, "User " + id + " not found"));
        return new One(StatusCode.SUCCESS.code, UserView.of(user, baseUrl.of(request)));
    }
}
