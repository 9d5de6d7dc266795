package io.parley.auth;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.chat.Recipient;

/**
 * Who is calling, read from a verified token: a user (agent and/or admin) or the customer of one chat.
 */
public record Caller(String subject, Set<String> roles, String chatId, String participantId) {

    public static final String CUSTOMER = "customer";
    public static final String CHAT_CLAIM = "chat";
    public static final String PARTICIPANT_CLAIM = "pid";

    public static Caller of(JsonWebToken token) {
        return new Caller(token.getSubject(), token.getGroups(), custom(token, CHAT_CLAIM),
                custom(token, PARTICIPANT_CLAIM));
    }

    /** A claim of Parley's own, or null; asked only when present, as the MP-JWT lookup throws inside for others. */
    private static String custom(JsonWebToken token, String claim) {
        return token.getClaimNames().contains(claim) ? token.getClaim(claim) : null;
    }

    public boolean isCustomer() {
        return roles.contains(CUSTOMER);
    }

    /** The user id of a user; null for a customer. */
    public String userId() {
        return isCustomer() ? null : subject;
    }

    /** Whose notification log this caller reads. */
    public Recipient recipient() {
        return isCustomer() ? new Recipient(subject) : Recipient.agent(subject);
    }
}
