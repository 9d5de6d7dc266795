package io.parley.api;

import static io.parley.api.TextKind.FREE_TEXT;
import static io.parley.api.TextKind.NAME;
import static io.parley.api.TextKind.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text policy, one table per class of character: each row is a text and what a name, free text and a secret
 * make of it (empty when accepted, else the class and code point a refusal names).
 */
class TextKindTest {

    private static final String OK = "";

    private static Arguments row(String name, String text, String asName, String asFreeText, String asSecret) {
        return Arguments.of(name, text, asName, asFreeText, asSecret);
    }

    private static void check(String text, String asName, String asFreeText, String asSecret) {
        assertEquals(expected(asName), NAME.flaw(text), "as a name");
        assertEquals(expected(asFreeText), FREE_TEXT.flaw(text), "as free text");
        assertEquals(expected(asSecret), SECRET.flaw(text), "as a secret");
    }

    private static Optional<String> expected(String flaw) {
        return flaw.isEmpty() ? Optional.empty() : Optional.of(flaw);
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                row("NUL", "a\u0000b", "a control character (U+0000)", "a control character (U+0000)", OK),
                row("BEL", "\u0007", "a control character (U+0007)", "a control character (U+0007)", OK),
                row("backspace", "ab\bc", "a control character (U+0008)", "a control character (U+0008)", OK),
                row("TAB", "a\tb", "a control character (U+0009)", OK, OK),
                row("LF", "a\nb", "a control character (U+000A)", OK, OK),
                row("CR", "a\rb", "a control character (U+000D)", OK, OK),
                row("CR LF", "a\r\nb", "a control character (U+000D)", OK, OK),
                row("vertical tab", "a\u000Bb", "a control character (U+000B)", "a control character (U+000B)", OK),
                row("form feed", "a\fb", "a control character (U+000C)", "a control character (U+000C)", OK),
                row("ESC", "\u001B[31mred", "a control character (U+001B)", "a control character (U+001B)", OK),
                row("unit separator", "a\u001Fb", "a control character (U+001F)", "a control character (U+001F)", OK),
                row("DEL", "a\u007Fb", "a control character (U+007F)", "a control character (U+007F)", OK),
                row("C1 PAD", "a\u0080b", "a control character (U+0080)", "a control character (U+0080)", OK),
                row("C1 NEL", "a\u0085b", "a control character (U+0085)", "a control character (U+0085)", OK),
                row("C1 CSI", "a\u009Bb", "a control character (U+009B)", "a control character (U+009B)", OK),
                row("C1 APC", "a\u009Fb", "a control character (U+009F)", "a control character (U+009F)", OK),
                row("no-break space, right after the C1 range", "a\u00A0b", OK, OK, OK),
                row("tilde, right before DEL", "a~b", OK, OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void controlCharacters(String name, String text, String asName, String asFreeText, String asSecret) {
        check(text, asName, asFreeText, asSecret);
    }

    static Stream<Arguments> lineAndParagraphSeparators() {
        return Stream.of(
                row("line separator", "one\u2028two", "a line break (U+2028)", OK, OK),
                row("paragraph separator", "one\u2029two", "a line break (U+2029)", OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineAndParagraphSeparators")
    void lineAndParagraphSeparatorsAreLineBreaks(String name, String text, String asName, String asFreeText,
            String asSecret) {
        check(text, asName, asFreeText, asSecret);
    }

    static Stream<Arguments> bidirectionalFormatting() {
        String override = "a bidirectional embedding or override";
        String formatting = "a bidirectional formatting character";
        return Stream.of(
                row("LRE", "a\u202Ab", override + " (U+202A)", override + " (U+202A)", OK),
                row("RLE", "a\u202Bb", override + " (U+202B)", override + " (U+202B)", OK),
                row("PDF", "a\u202Cb", override + " (U+202C)", override + " (U+202C)", OK),
                row("LRO", "a\u202Db", override + " (U+202D)", override + " (U+202D)", OK),
                row("RLO (Trojan Source)", "access\u202Eresu\u2066 // admin", override + " (U+202E)",
                        override + " (U+202E)", OK),
                row("LRI", "a\u2066b\u2069", formatting + " (U+2066)", OK, OK),
                row("RLI", "a\u2067\u05E9\u05DC\u05D5\u05DD\u2069", formatting + " (U+2067)", OK, OK),
                row("FSI", "a\u2068b\u2069", formatting + " (U+2068)", OK, OK),
                row("PDI", "b\u2069", formatting + " (U+2069)", OK, OK),
                row("LRM", "a\u200Eb", formatting + " (U+200E)", OK, OK),
                row("RLM", "a\u200Fb", formatting + " (U+200F)", OK, OK),
                row("ALM", "a\u061Cb", formatting + " (U+061C)", OK, OK),
                row("ZWJ and ZWNJ are not bidirectional formatting", "a\u200Db\u200Cc", OK, OK, OK),
                row("narrow no-break space, right after the overrides", "a\u202Fb", OK, OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bidirectionalFormatting")
    void bidirectionalFormatting(String name, String text, String asName, String asFreeText, String asSecret) {
        check(text, asName, asFreeText, asSecret);
    }

    static Stream<Arguments> noncharacters() {
        return Stream.of(
                row("U+FFFE", "a\uFFFEb", "a noncharacter (U+FFFE)", "a noncharacter (U+FFFE)", OK),
                row("U+FFFF", "\uFFFF", "a noncharacter (U+FFFF)", "a noncharacter (U+FFFF)", OK),
                row("U+FDD0", "a\uFDD0", "a noncharacter (U+FDD0)", "a noncharacter (U+FDD0)", OK),
                row("U+FDEF", "a\uFDEF", "a noncharacter (U+FDEF)", "a noncharacter (U+FDEF)", OK),
                row("U+1FFFE", "a" + Character.toString(0x1FFFE), "a noncharacter (U+1FFFE)",
                        "a noncharacter (U+1FFFE)", OK),
                row("U+10FFFF", Character.toString(0x10FFFF), "a noncharacter (U+10FFFF)",
                        "a noncharacter (U+10FFFF)", OK),
                row("U+FDCF, below the block", "a\uFDCF", OK, OK, OK),
                row("U+FDF0, above the block", "a\uFDF0", OK, OK, OK),
                row("U+FFFD, the replacement character", "a\uFFFD", OK, OK, OK),
                row("U+10FFFD, private use", Character.toString(0x10FFFD), OK, OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noncharacters")
    void noncharacters(String name, String text, String asName, String asFreeText, String asSecret) {
        check(text, asName, asFreeText, asSecret);
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                row("high surrogate alone", "a\uD800b", "a lone surrogate (U+D800)", "a lone surrogate (U+D800)",
                        "a lone surrogate (U+D800)"),
                row("low surrogate alone", "\uDFFF", "a lone surrogate (U+DFFF)", "a lone surrogate (U+DFFF)",
                        "a lone surrogate (U+DFFF)"),
                row("high surrogate at the end", "smile \uD83D", "a lone surrogate (U+D83D)",
                        "a lone surrogate (U+D83D)", "a lone surrogate (U+D83D)"),
                row("a pair reversed", "\uDE00\uD83D", "a lone surrogate (U+DE00)", "a lone surrogate (U+DE00)",
                        "a lone surrogate (U+DE00)"),
                row("two high surrogates", "\uD83D\uD83D\uDE00", "a lone surrogate (U+D83D)",
                        "a lone surrogate (U+D83D)", "a lone surrogate (U+D83D)"),
                row("a proper pair", "\uD83D\uDE00", OK, OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void loneSurrogates(String name, String text, String asName, String asFreeText, String asSecret) {
        check(text, asName, asFreeText, asSecret);
    }

    static Stream<Arguments> everythingElse() {
        return Stream.of(
                row("ASCII", "Ann O'Neil (support) <ann@example.com>", OK, OK, OK),
                row("Latin with combining marks", "Zoe\u0308 Ame\u0301lie", OK, OK, OK),
                row("Arabic", "\u0645\u0631\u062D\u0628\u0627", OK, OK, OK),
                row("Hebrew", "\u05E9\u05DC\u05D5\u05DD", OK, OK, OK),
                row("CJK", "\u4F60\u597D", OK, OK, OK),
                row("astral emoji", "\uD83D\uDE00", OK, OK, OK),
                row("emoji ZWJ sequence", "\uD83D\uDC69\u200D\uD83D\uDCBB", OK, OK, OK),
                row("flag (regional indicators)", "\uD83C\uDDEB\uD83C\uDDF7", OK, OK, OK),
                row("skin tone modifier", "\uD83D\uDC4B\uD83C\uDFFD", OK, OK, OK),
                row("variation selector", "\u2764\uFE0F", OK, OK, OK),
                row("zero-width space", "a\u200Bb", OK, OK, OK),
                row("mathematical letters (plane 1)", "\uD835\uDC00", OK, OK, OK),
                row("private use", "\uE000", OK, OK, OK),
                row("empty", "", OK, OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everythingElse")
    void everythingElseIsAccepted(String name, String text, String asName, String asFreeText, String asSecret) {
        check(text, asName, asFreeText, asSecret);
    }

    @Test
    void theFirstFlawIsTheOneNamed() {
        assertEquals(Optional.of("a control character (U+0007)"), FREE_TEXT.flaw("ok\u0007 then \u202E"));
        assertEquals(Optional.of("a bidirectional formatting character (U+2066)"), NAME.flaw("\u2066x\u2069\u0000"));
    }

    @Test
    void mixedDirectionMessageIsFreeTextButNoName() {
        String message = "Order \u2067\u05D4\u05D6\u05DE\u05E0\u05D4\u2069 shipped\r\n\tdetails\u2028next";

        assertEquals(Optional.empty(), FREE_TEXT.flaw(message));
        assertEquals(Optional.of("a bidirectional formatting character (U+2067)"), NAME.flaw(message));
    }
}
