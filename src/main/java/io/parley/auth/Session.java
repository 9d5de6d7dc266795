package io.parley.auth;

/**
 * A session a Basic sign-in opened: the value of its {@code JSESSIONID} cookie, whose it is, and the CSRF token that
 * state-changing requests riding on it must carry. Kept in Redis, so that every api and push instance knows it.
 */
public record Session(String id, SignedIn user, String csrfToken) {
}
