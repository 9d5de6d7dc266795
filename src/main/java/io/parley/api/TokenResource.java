package io.parley.api;

import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.parley.ParleyConfig;
import io.parley.auth.PasswordCheck;
import io.parley.auth.SignedIn;
import io.parley.auth.Throttled;
import io.parley.auth.TokenIssuer;
import io.parley.chat.StatusCode;
import io.parley.store.Json;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** Signing in: user name and password for a bearer token. */
@Path("/api/v2/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RunOnVirtualThread
public class TokenResource {

    /** The OAuth-style token reply GWS clients expect. */
    public record Token(int statusCode, @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    private final PasswordCheck passwords;
    private final TokenIssuer tokens;
    private final Json json;
    private final ParleyConfig config;

    TokenResource(PasswordCheck passwords, TokenIssuer tokens, Json json, ParleyConfig config) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.json = json;
        this.config = config;
    }

    @POST
    public Token signIn(byte[] body) {
        JsonBody request = JsonBody.parse(json.mapper(), body, config.request().maxBytes())
                .allowOnly(Set.of("username", "password"));
        String username = request.requiredText("username", TextKind.NAME, JsonBody.MAX_SHORT);
        String password = request.requiredText("password", TextKind.SECRET, JsonBody.MAX_SHORT);
        SignedIn user;
        try {
            user = passwords.checkNow(username, password);
        } catch (AuthenticationFailedException | Throttled e) {
            // the refusal's own words: a wrong password, or a user name throttled after too many of them
            throw new ApiException(StatusCode.NOT_AUTHENTICATED, e.getMessage());
        }
        return new Token(StatusCode.SUCCESS.code, tokens.forUser(user), "Bearer", tokens.lifespanSeconds());
    }
}
