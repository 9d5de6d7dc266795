package io.parley.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Remembered Basic credentials: only the exact name and password that were verified find their entry. */
class RememberedPasswordsTest {

    private static final SignedIn ALICE = new SignedIn("a1", "alice", List.of("agent"));

    @Test
    void theVerifiedCredentialsFindTheirEntry() {
        RememberedPasswords remembered = new RememberedPasswords(16, Duration.ofMinutes(1));
        remembered.keep("alice", "secret-alice", ALICE, remembered.generation());

        assertEquals(ALICE, remembered.find("alice", "secret-alice"));
    }

    @Test
    void aWrongPasswordNeverFindsTheRightOnesEntry() {
        RememberedPasswords remembered = new RememberedPasswords(16, Duration.ofMinutes(1));
        remembered.keep("alice", "secret-alice", ALICE, remembered.generation());

        for (String wrong : List.of("", "secret-alic", "secret-alicE", "secret-alice ", "SECRET-ALICE")) {
            assertNull(remembered.find("alice", wrong), wrong);
        }
        assertNull(remembered.find("Alice", "secret-alice"));
        // the same characters split otherwise between name and password
        assertNull(remembered.find("alices", "ecret-alice"));
        assertNull(remembered.find("alic", "esecret-alice"));
    }

    @Test
    void anotherInstanceKnowsNothing() {
        RememberedPasswords one = new RememberedPasswords(16, Duration.ofMinutes(1));
        one.keep("alice", "secret-alice", ALICE, one.generation());

        assertNull(new RememberedPasswords(16, Duration.ofMinutes(1)).find("alice", "secret-alice"));
    }

    @Test
    void sizeZeroKeepsNothing() {
        RememberedPasswords none = new RememberedPasswords(0, Duration.ofMinutes(1));
        none.keep("alice", "secret-alice", ALICE, none.generation());

        assertNull(none.find("alice", "secret-alice"));
    }

    @Test
    void aChangedPasswordIsForgottenAndOtherUsersAreKept() {
        RememberedPasswords remembered = new RememberedPasswords(16, Duration.ofMinutes(1));
        SignedIn bob = new SignedIn("b1", "bob", List.of("agent"));
        remembered.keep("alice", "secret-alice", ALICE, remembered.generation());
        remembered.keep("bob", "secret-bob", bob, remembered.generation());

        remembered.forget("alice");

        assertNull(remembered.find("alice", "secret-alice"));
        assertEquals(bob, remembered.find("bob", "secret-bob"));
    }

    @Test
    void aCheckThatBeganBeforeAPasswordChangeRemembersNothing() {
        RememberedPasswords remembered = new RememberedPasswords(16, Duration.ofMinutes(1));
        long before = remembered.generation();

        // the check read the old password hash, then the password changed before it finished
        remembered.forget("alice");
        remembered.keep("alice", "secret-alice", ALICE, before);

        assertNull(remembered.find("alice", "secret-alice"));
    }
}
