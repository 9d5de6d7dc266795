package io.parley.auth;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.parley.chat.Recipient;
import io.smallrye.jwt.build.Jwt;

/** Signs the bearer tokens Parley hands out: to users who sign in, and to customers who start a chat. */
@ApplicationScoped
public class TokenIssuer {

    private final ParleyConfig config;

    TokenIssuer(ParleyConfig config) {
        this.config = config;
    }

    public String forUser(SignedIn user) {
        return Jwt.issuer(config.auth().issuer())
                .subject(user.userId())
                .upn(user.userName())
                .groups(new HashSet<>(user.roles()))
                .expiresIn(config.auth().tokenLifespan())
                .sign();
    }

    /** A token good for one chat only: its subject is the customer's notification address. */
    public String forCustomer(String chatId, String participantId) {
        return Jwt.issuer(config.auth().issuer())
                .subject(Recipient.customer(chatId, participantId).address())
                .groups(Set.of(Caller.CUSTOMER))
                .claim(Caller.CHAT_CLAIM, chatId)
                .claim(Caller.PARTICIPANT_CLAIM, participantId)
                .expiresIn(config.auth().tokenLifespan())
                .sign();
    }

    public long lifespanSeconds() {
        return config.auth().tokenLifespan().toSeconds();
    }
}
