package io.parley.api;

import java.util.Optional;

/**
 * The kinds of text a client sends, and what each may hold. Parley refuses text it will not store rather than repair
 * it, so that what it accepts is stored and sent verbatim and every reader sees the string that was sent. Everywhere
 * refused: lone surrogates (no UTF-8 can carry them), noncharacters (never for interchange) and the bidirectional
 * embeddings and overrides U+202A-U+202E, which make text read differently from how it is stored and which the
 * isolates superseded.
 */
public enum TextKind {

    /**
     * One line shown in lists and headers (a nickname, a user's name, a userData key, a URL): no control character,
     * line break or bidirectional formatting, which could break or reorder what is shown around it.
     */
    NAME,
    /**
     * What people write to each other (a message, a notice, a subject, a userData value): TAB, line breaks, and the
     * isolates and marks that mixed-direction writing needs; no other control character.
     */
    FREE_TEXT,
    /** A password: never shown, only hashed in UTF-8, so it only has to be well-formed. */
    SECRET;

    /** What makes {@code text} unfit for this kind, as "a control character (U+0007)", if anything does. */
    public Optional<String> flaw(String text) {
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            String flaw = flaw(c);
            if (flaw != null) {
                return Optional.of(flaw + " (" + String.format("U+%04X", c) + ")");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** The class of {@code c} when this kind refuses it, or null. {@code codePointAt} yields a lone surrogate as is. */
    private String flaw(int c) {
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            return "a lone surrogate";
        }
        if (this == SECRET) {
            return null;
        }
        if (isNoncharacter(c)) {
            return "a noncharacter";
        }
        if (c >= 0x202A && c <= 0x202E) {
            return "a bidirectional embedding or override";
        }
        if (this == FREE_TEXT && (c == '\t' || isLineBreak(c) || isIsolateOrMark(c))) {
            return null;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if (isLineBreak(c)) {
            return "a line break";
        }
        if (isIsolateOrMark(c)) {
            return "a bidirectional formatting character";
        }
        return null;
    }

    /** LF and CR, and the separators U+2028 and U+2029, which some renderers and JavaScript break lines at. */
    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
    }

    /** The isolates U+2066-U+2069 and the marks LRM, RLM and ALM. */
    private static boolean isIsolateOrMark(int c) {
        return (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** U+FDD0-U+FDEF and the last two code points of every plane. */
    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
