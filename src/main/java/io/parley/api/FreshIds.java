package io.parley.api;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Draws the ids of new chats and their participants. Unguessable, since they are part of the URIs customers and
 * agents hold, so they come from a SecureRandom; it lives in this bean, created when the application starts, and
 * never in a static field, which a native image would fill at build time and ship with the same seed every run.
 */
@ApplicationScoped
public class FreshIds {

    private static final String CHAT_ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random = new SecureRandom();

    /** A chat id: 16 characters of [0-9A-Za-z], the form GWS chat ids take. */
    public String chatId() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(CHAT_ID_ALPHABET.charAt(random.nextInt(CHAT_ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** The first twelve hex digits of the participant ids of a new chat. */
    public String idStem() {
        byte[] stem = new byte[6];
        random.nextBytes(stem);
        return HexFormat.of().withUpperCase().formatHex(stem);
    }
}
