package io.parley.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.chat.StatusCode;

/**
 * A request body read as a JSON object, with typed access that refuses bad input with the statusCode docs/api.md §1
 * names: a missing parameter is 1, anything malformed, mistyped, oversized or unknown is 10. Every string it hands
 * out has passed the {@link TextKind} its caller named, and is otherwise exactly what the client sent.
 */
public final class JsonBody {

    /** Longest free text (a message, a notice) a client may send. */
    public static final int MAX_TEXT = 16_384;
    /** Longest short value (a nickname, a name, a userData key or value). */
    public static final int MAX_SHORT = 256;

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Reads {@code body} as strict UTF-8, as JSON must be: malformed bytes are refused, never replaced. */
    public static JsonBody parse(ObjectMapper mapper, byte[] body, int maxBytes) {
        if (body == null) {
            throw invalid("The request body must be a JSON object");
        }
        if (body.length > maxBytes) {
            throw invalid("The request body is larger than " + maxBytes + " bytes");
        }
        String text = utf8(body).orElseThrow(() -> invalid("The request body is not valid UTF-8"));
        if (text.isBlank()) {
            throw invalid("The request body must be a JSON object");
        }
        JsonNode parsed;
        try {
            // one JSON value and nothing after it: "{} garbage" is not a body to act on
            parsed = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JacksonException e) {
            throw invalid("The request body is not valid JSON");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw invalid("The request body must be a JSON object");
        }
        return new JsonBody(object);
    }

    /**
     * {@code bytes} decoded, if they are UTF-8: malformed bytes, overlong forms, encoded surrogates and anything
     * beyond U+10FFFF make it empty rather than being replaced with U+FFFD.
     */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Refuses parameters the operation does not take, so that a typo is not silently ignored. */
    public JsonBody allowOnly(Set<String> names) {
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!names.contains(field)) {
                throw invalid("Unknown parameter '" + printable(field) + "'");
            }
        }
        return this;
    }

    public String requiredText(String name, TextKind kind, int maxLength) {
        String value = optionalText(name, kind, maxLength);
        if (value == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER, "Parameter '" + name + "' is missing");
        }
        return value;
    }

    public String optionalText(String name, TextKind kind, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("Parameter '" + name + "' must be a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw invalid("Parameter '" + name + "' must not be empty");
        }
        if (text.length() > maxLength) {
            throw invalid("Parameter '" + name + "' is longer than " + maxLength + " characters");
        }
        return checked(text, kind, "Parameter '" + name + "'");
    }

    /** A true/false flag, as a JSON boolean or the string "true" or "false"; absent is false. */
    public boolean optionalFlag(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw invalid("Parameter '" + name + "' must be true or false");
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** A list of names, e.g. {@code channels} or {@code keys}. */
    public List<String> optionalTextList(String name, int maxItems) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > maxItems) {
            throw invalid("Parameter '" + name + "' must be an array of at most " + maxItems + " strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_SHORT) {
                throw invalid("Parameter '" + name + "' must hold non-empty strings");
            }
            items.add(checked(item.asText(), TextKind.NAME, "Parameter '" + name + "'"));
        }
        return items;
    }

    /** A flat object of string or number values, as GWS userData is: its keys are names, its strings free text. */
    public Map<String, Object> optionalUserData(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject() || value.size() > 100) {
            throw invalid("Parameter '" + name + "' must be an object of at most 100 entries");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (var entry : value.properties()) {
            String key = entry.getKey();
            JsonNode item = entry.getValue();
            if (key.isBlank() || key.length() > MAX_SHORT) {
                throw invalid("userData keys must be 1 to " + MAX_SHORT + " characters");
            }
            checked(key, TextKind.NAME, "A userData key");
            if (item.isTextual() && item.asText().length() <= MAX_TEXT) {
                data.put(key, checked(item.asText(), TextKind.FREE_TEXT, "userData value of '" + printable(key) + "'"));
            } else if (item.isNumber() && Double.isFinite(item.doubleValue())) {
                // out of range, 1e999 reads as Infinity, which JSON cannot carry: it would be stored as "Infinity"
                data.put(key, item.numberValue());
            } else {
                throw invalid("userData value of '" + printable(key) + "' must be a string or a number");
            }
        }
        return data;
    }

    /** {@code text}, unless {@code kind} refuses it: then a refusal naming {@code what} and the character. */
    private static String checked(String text, TextKind kind, String what) {
        Optional<String> flaw = kind.flaw(text);
        if (flaw.isPresent()) {
            throw invalid(what + " holds " + flaw.get());
        }
        return text;
    }

    static ApiException invalid(String message) {
        return new ApiException(StatusCode.INVALID_INPUT, message);
    }

    /**
     * Echoes client text in messages with '?' for whatever a name may not hold: no forged log or header lines, no
     * reordered message, no lone surrogate for the reply's UTF-8 to mangle.
     */
    static String printable(String text) {
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> {
            String one = Character.toString(c);
            clean.append(TextKind.NAME.flaw(one).isPresent() ? "?" : one);
        });
        return text.codePointCount(0, text.length()) > 64 ? clean + "…" : clean.toString();
    }
}
