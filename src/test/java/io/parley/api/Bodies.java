package io.parley.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies written out exactly, nulls and wrong types included (the app's JSON settings, which Vert.x's
 * encoder shares in the test JVM, would drop null values).
 */
final class Bodies {

    private Bodies() {
    }

    /** A JSON object of alternating names and values. */
    static String json(Object... namesAndValues) {
        return encode(object(namesAndValues));
    }

    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    static List<Object> array(Object... items) {
        return Arrays.asList(items);
    }

    /** An operation request: {@code {"operationName": name, ...params}}. */
    static String op(String name, Object... params) {
        Map<String, Object> body = object("operationName", name);
        body.putAll(object(params));
        return encode(body);
    }

    static String longText(int length) {
        return "x".repeat(length);
    }

    private static String encode(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> quote(text);
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                map.forEach((name, item) -> out.append(out.length() > 1 ? "," : "").append(quote((String) name))
                        .append(':').append(encode(item)));
                yield out.append('}').toString();
            }
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                list.forEach(item -> out.append(out.length() > 1 ? "," : "").append(encode(item)));
                yield out.append(']').toString();
            }
            default -> throw new IllegalArgumentException("not JSON: " + value);
        };
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
