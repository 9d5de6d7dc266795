package io.parley.api;

import java.util.List;

import io.parley.user.User;

/** A user as the API shows it: never the password hash. {@code queues} only for an agent who serves named ones. */
public record UserView(String id, String userName, String firstName, String lastName, List<String> roles, String uri,
        String path, List<String> queues) {

    public static UserView of(User user, String baseUrl) {
        String path = "/users/" + user.id();
        return new UserView(user.id(), user.userName(), user.firstName(), user.lastName(), user.roles(),
                baseUrl + "/api/v2" + path, path, user.queues().isEmpty() ? null : user.queues());
    }
}
