package io.parley.api;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.ParleyConfig;
import io.parley.auth.Passwords;
import io.parley.auth.RememberedPasswords;
import io.parley.chat.ChatRules;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.parley.store.UserRepository;
import io.parley.user.User;
import io.parley.user.UserChange;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** The users: agents read them (to find whom to invite), administrators create and change them. */
@Path("/api/v2/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RunOnVirtualThread
public class UserResource {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Set<String> ROLES = Set.of(User.AGENT, User.SUPERVISOR, User.ADMIN);

    public record Created(int statusCode, String id, String uri, String path) {
    }

    public record Changed(int statusCode) {
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
    private final RememberedPasswords remembered;
    private final JsonWebToken caller;

    UserResource(UserRepository users, Json json, ParleyConfig config, BaseUrl baseUrl, Passwords passwords,
            ChatRules rules, RememberedPasswords remembered, JsonWebToken caller) {
        this.users = users;
        this.remembered = remembered;
        this.caller = caller;
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
        String password = password(input.requiredText("password", TextKind.SECRET, 128));
        List<String> roles = roles(input);
        if (roles == null) {
            roles = List.of(User.AGENT);
        }
        String firstName = input.optionalText("firstName", TextKind.NAME, JsonBody.MAX_SHORT);
        String lastName = input.optionalText("lastName", TextKind.NAME, JsonBody.MAX_SHORT);
        List<String> queues = queues(input);
        User user = new User(User.newId(), userName, firstName, lastName, roles,
                passwords.hash(password), System.currentTimeMillis(), queues);
        if (!users.create(user)) {
            throw new ApiException(StatusCode.ALREADY_EXISTS, "User name '" + userName + "' is taken");
        }
        UserView view = UserView.of(user, baseUrl.of(request));
        return new Created(StatusCode.SUCCESS.code, user.id(), view.uri(), view.path());
    }

    /**
     * Changes any of an existing user's names, roles, queues and password
     * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/UsersUpdateUser). The user name cannot change. The new
     * document replaces the old at once, so the dispatcher offers the next chat by the new queues; a new password
     * makes this instance forget the old one it remembered.
     */
    @PUT
    @Path("{id}")
    @RolesAllowed(User.ADMIN)
    public Changed update(@PathParam("id") String id, byte[] body) {
        String userId = Ids.userId(id);
        JsonBody input = JsonBody.parse(json.mapper(), body, config.request().maxBytes());
        if (input.has("userName")) {
            // GWS answers statusCode 3 here; Parley refuses it as any other parameter it does not take
            throw JsonBody.invalid("userName cannot be changed: it is what the user signs in with");
        }
        input.allowOnly(Set.of("password", "firstName", "lastName", "roles", "queues"));
        String firstName = input.optionalText("firstName", TextKind.NAME, JsonBody.MAX_SHORT);
        String lastName = input.optionalText("lastName", TextKind.NAME, JsonBody.MAX_SHORT);
        List<String> roles = roles(input);
        List<String> queues = input.has("queues") ? queues(input) : null;
        String password = input.optionalText("password", TextKind.SECRET, 128);
        if (firstName == null && lastName == null && roles == null && queues == null && password == null) {
            throw JsonBody.invalid("Name at least one of firstName, lastName, roles, queues, password to change");
        }
        User user = users.find(userId)
                .orElseThrow(() -> new ApiException(StatusCode.NOT_FOUND, "User " + id + " not found"));
        if (roles != null && userId.equals(caller.getSubject()) && !roles.contains(User.ADMIN)) {
            // as GWS: an administrator who could demote themselves might leave nobody to undo it
            throw new ApiException(StatusCode.INVALID_STATE, "You cannot remove the role 'admin' from yourself");
        }
        // hashed last: bcrypt is slow on purpose, and wasted on a request refused anyway
        UserChange change = new UserChange(firstName, lastName, roles, queues,
                password == null ? null : passwords.hash(password(password)));
        if (!users.replace(change.applyTo(user))) {
            throw new ApiException(StatusCode.NOT_FOUND, "User " + id + " not found");
        }
        if (change.changesPassword()) {
            remembered.forget(user.userName());
        }
        return new Changed(StatusCode.SUCCESS.code);
    }

    private static String password(String password) {
        if (password.length() < 8) {
            throw JsonBody.invalid("password must have at least 8 characters");
        }
        if (!Passwords.fits(password)) {
            throw JsonBody.invalid("password must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
        }
        return password;
    }

    /** The roles named, each once; null if none are given. */
    private static List<String> roles(JsonBody input) {
        List<String> roles = input.optionalTextList("roles", 4);
        if (roles != null && (roles.isEmpty() || !ROLES.containsAll(roles))) {
            throw JsonBody.invalid("roles must be one or more of " + ROLES);
        }
        return roles == null ? null : roles.stream().distinct().toList();
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
    @RolesAllowed({ User.AGENT, User.SUPERVISOR, User.ADMIN })
    public Many list(@Context UriInfo request) {
        String base = baseUrl.of(request);
        return new Many(StatusCode.SUCCESS.code, users.list().stream().map(u -> UserView.of(u, base)).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ User.AGENT, User.SUPERVISOR, User.ADMIN })
    public One get(@PathParam("id") String id, @Context UriInfo request) {
        User user = users.find(Ids.userId(id))
                .orElseThrow(() -> new ApiException(StatusCode.NOT_FOUND, "User " + id + " not found"));
        return new One(StatusCode.SUCCESS.code, UserView.of(user, baseUrl.of(request)));
    }
}
