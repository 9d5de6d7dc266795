package io.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A change to a user: what it names replaces the user's, the rest and the identity stay. */
class UserChangeTest {

    private static final User ALICE = new User("a1", "alice", "Alice", "Smith", List.of(User.AGENT), "hash-1", 42L,
            List.of("sales"));

    @Test
    void onlyWhatIsNamedChanges() {
        User changed = new UserChange(null, "Jones", null, List.of("vip"), null).applyTo(ALICE);

        assertEquals(new User("a1", "alice", "Alice", "Jones", List.of(User.AGENT), "hash-1", 42L, List.of("vip")),
                changed);
    }

    @Test
    void everythingNamedChangesButTheIdentityAndCreationTime() {
        User changed = new UserChange("Al", "Jones", List.of(User.ADMIN), List.of(), "hash-2").applyTo(ALICE);

        assertEquals(new User("a1", "alice", "Al", "Jones", List.of(User.ADMIN), "hash-2", 42L, List.of()), changed);
    }

    @Test
    void anEmptyQueueListMeansTheDefaultQueueNotUnchanged() {
        assertTrue(new UserChange(null, null, null, List.of(), null).applyTo(ALICE).queues().isEmpty());
    }

    @Test
    void onlyANewHashChangesThePassword() {
        assertFalse(new UserChange("Al", null, null, null, null).changesPassword());
        assertTrue(new UserChange(null, null, null, null, "hash-2").changesPassword());
    }
}
