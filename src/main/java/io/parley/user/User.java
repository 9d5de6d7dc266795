package io.parley.user;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A person who signs in: an agent, a supervisor, an administrator, or any of them together. {@code passwordHash} never leaves the server.
 * {@code queues} are the queues an agent serves; none listed means the default queue.
 */
public record User(String id, String userName, String firstName, String lastName, List<String> roles,
        String passwordHash, long createdAt, List<String> queues) {

    public static final String AGENT = "agent";
    public static final String ADMIN = "admin";
    /** May join an agent's chat to monitor, coach or barge in (docs/api.md §4, supervisors). */
    public static final String SUPERVISOR = "supervisor";

    public User {
        roles = List.copyOf(roles);
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    public User(String id, String userName, String firstName, String lastName, List<String> roles,
            String passwordHash, long createdAt) {
        this(id, userName, firstName, lastName, roles, passwordHash, createdAt, List.of());
    }

    /** A fresh id: 32 lowercase hex digits, as GWS user ids are. */
    public static String newId() {
        UUID uuid = UUID.randomUUID();
        return HexFormat.of().toHexDigits(uuid.getMostSignificantBits())
                + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits());
    }

    public boolean isAgent() {
        return roles.contains(AGENT);
    }
}
