package io.parley.chat;

/**
 * The text an operation posts to the chat, with the two optional labels GWS lets a client put on it: a free-text
 * {@code messageType} (e.g. "Greeting") and {@code treatAs}. Both are shown on the message as given (null when the
 * request did not give them), so whoever reads the transcript can tell a greeting or a system line from typed text.
 */
public record Remark(String text, String messageType, TreatAs treatAs) {

    public Remark {
        if (text == null) {
            throw new IllegalArgumentException("A remark has a text");
        }
    }

    public static Remark of(String text) {
        return text == null ? null : new Remark(text, null, null);
    }
}
