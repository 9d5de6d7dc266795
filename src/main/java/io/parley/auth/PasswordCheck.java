package io.parley.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.store.UserRepository;
import io.parley.user.User;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Checks a user name and password, for the token endpoint, Basic on the REST API and Basic on the push endpoints.
 * Credentials verified lately are taken from {@link RememberedPasswords} without a bcrypt. Any other attempt is
 * refused outright while its user name is throttled (the right password too: a guesser cannot tell it from a wrong
 * one), and otherwise checked with bcrypt; a failure counts towards the throttle.
 */
@ApplicationScoped
public class PasswordCheck {

    public static final String REFUSED = "Unknown user name or wrong password";

    private final UserRepository users;
    private final RememberedPasswords remembered;
    private final SignInThrottle throttle;

    PasswordCheck(UserRepository users, RememberedPasswords remembered, SignInThrottle throttle) {
        this.users = users;
        this.remembered = remembered;
        this.throttle = throttle;
    }

    /** The user these credentials name; fails with {@link AuthenticationFailedException} ({@link Throttled}). */
    public Uni<SignedIn> check(String userName, String password) {
        SignedIn known = remembered.find(userName, password);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long generation = remembered.generation();
        return throttle.check(userName)
                // the user lookup blocks and bcrypt is slow on purpose: neither may hold an event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(allowed -> verify(userName, password))
                .flatMap(user -> {
                    if (user == null) {
                        return throttle.failed(userName).flatMap(
                                counted -> Uni.createFrom().<SignedIn>failure(new AuthenticationFailedException(REFUSED)));
                    }
                    SignedIn signedIn = SignedIn.of(user);
                    remembered.keep(userName, password, signedIn, generation);
                    return Uni.createFrom().item(signedIn);
                });
    }

    /** Blocking: the same as {@link #check} for callers on a thread that may block (a virtual thread). */
    public SignedIn checkNow(String userName, String password) {
        return check(userName, password).await().indefinitely();
    }

    private User verify(String userName, String password) {
        User user = users.findByName(userName).orElse(null);
        return Passwords.matches(password, user == null ? null : user.passwordHash()) ? user : null;
    }
}
