package io.parley.user;

import java.util.List;

/**
 * What an administrator changes of an existing user: each part null when left as it is. The user name and id never
 * change (the name is what an agent signs in with and what the name index points from), nor the creation time.
 */
public record UserChange(String firstName, String lastName, List<String> roles, List<String> queues,
        String passwordHash) {

    public boolean changesPassword() {
        return passwordHash != null;
    }

    /** {@code user} with this change applied. */
    public User applyTo(User user) {
        return new User(user.id(), user.userName(),
                firstName == null ? user.firstName() : firstName,
                lastName == null ? user.lastName() : lastName,
                roles == null ? user.roles() : roles,
                passwordHash == null ? user.passwordHash() : passwordHash,
                user.createdAt(),
                queues == null ? user.queues() : queues);
    }
}
