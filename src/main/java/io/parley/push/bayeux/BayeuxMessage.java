package io.parley.push.bayeux;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of one incoming Bayeux message that the protocol reads. A field of the wrong JSON type counts as
 * absent, so that a malformed message is answered with a Bayeux error rather than an exception.
 */
public record BayeuxMessage(String channel, String id, String clientId, String version,
        List<String> supportedConnectionTypes, String connectionType, String subscription, Long adviceTimeout,
        JsonNode ext) {

    public static BayeuxMessage of(JsonNode node) {
        JsonNode advice = node.path("advice");
        JsonNode timeout = advice.path("timeout");
        List<String> types = null;
        if (node.path("supportedConnectionTypes").isArray()) {
            types = new ArrayList<>();
            for (JsonNode type : node.path("supportedConnectionTypes")) {
                if (type.isTextual()) {
                    types.add(type.textValue());
                }
            }
        }
        JsonNode id = node.path("id");
        return new BayeuxMessage(text(node, "channel"),
                id.isTextual() || id.isIntegralNumber() ? id.asText() : null,
                text(node, "clientId"), text(node, "version"), types == null ? null : List.copyOf(types),
                text(node, "connectionType"), text(node, "subscription"),
                timeout.isIntegralNumber() ? timeout.longValue() : null,
                node.path("ext").isObject() ? node.path("ext") : null);
    }

    /** A text field of {@code ext}, or null. */
    public String extText(String name) {
        return ext != null && ext.path(name).isTextual() ? ext.path(name).textValue() : null;
    }

    /** Whether a handshake asks for the acknowledge extension ({@code ext: {ack: true}}). */
    public boolean asksForAcks() {
        return ext != null && ext.path("ack").isBoolean() && ext.path("ack").booleanValue();
    }

    /** The batch a connect acknowledges ({@code ext: {ack: N}}), or null. */
    public Long acknowledgedBatch() {
        return ext != null && ext.path("ack").isIntegralNumber() ? ext.path("ack").longValue() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }
}
