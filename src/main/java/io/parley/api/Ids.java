package io.parley.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.chat.StatusCode;

/** The identifier forms of docs/api.md §2, checked before any of them reaches Redis. */
public final class Ids {

    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern CHAT_ID = Pattern.compile("[0-9A-Za-z]{16}");
    private static final Pattern USER_URI_PATH = Pattern.compile("(?:/[^/]+)*/api/v2/users/([0-9a-f]{32})/?");
    private static final Pattern USER_PATH = Pattern.compile("/users/([0-9a-f]{32})/?");
    private static final Pattern QUEUE_URI_PATH = Pattern.compile("(?:/[^/]+)*/api/v2/queues/([^/]+)/?");
    private static final Pattern QUEUE_PATH = Pattern.compile("/queues/([^/]+)/?");

    /** What a targetUri or targetPath names: an agent, or a (multimedia) queue. Exactly one is set. */
    public record Target(String userId, String queueName) {
    }

    private Ids() {
    }

    public static String chatId(String value) {
        if (value == null || !CHAT_ID.matcher(value).matches()) {
            throw JsonBody.invalid("Malformed chat id: 16 characters 0-9, A-Z, a-z expected");
        }
        return value;
    }

    public static String userId(String value) {
        if (value == null || !USER_ID.matcher(value).matches()) {
            throw JsonBody.invalid("Malformed user id: 32 lowercase hex digits expected");
        }
        return value;
    }

    /**
     * The user a {@code targetUri} or {@code targetPath} names. A targetUri is matched on its path only, whatever
     * its host (the seed's {@code localhost:8080}).
     */
    public static String targetUser(JsonBody body) {
        String uri = body.optionalText("targetUri", TextKind.NAME, 2048);
        String path = body.optionalText("targetPath", TextKind.NAME, 512);
        if (uri == null && path == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER, "Parameter 'targetUri' is missing");
        }
        String fromUri = uri == null ? null : userFromUri(uri);
        String fromPath = path == null ? null : match(USER_PATH, path, "targetPath must look like /users/{userId}");
        if (fromUri != null && fromPath != null && !fromUri.equals(fromPath)) {
            throw JsonBody.invalid("targetUri and targetPath name different users");
        }
        return fromUri != null ? fromUri : fromPath;
    }

    /**
     * The agent or queue a {@code targetUri} or {@code targetPath} names: {@code .../api/v2/users/{id}} or
     * {@code .../api/v2/queues/{name}} ({@code /users/{id}}, {@code /queues/{name}} as a path). Consult and Transfer
     * take a queue there (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatConsult).
     */
    public static Target targetUserOrQueue(JsonBody body) {
        String uri = body.optionalText("targetUri", TextKind.NAME, 2048);
        String path = body.optionalText("targetPath", TextKind.NAME, 512);
        String queue = queueIn(uri == null ? null : pathOf(uri), QUEUE_URI_PATH);
        String queueFromPath = queueIn(path, QUEUE_PATH);
        if (queue == null && queueFromPath == null) {
            return new Target(targetUser(body), null);
        }
        if ((uri != null && queue == null) || (path != null && queueFromPath == null)
                || (queue != null && queueFromPath != null && !queue.equals(queueFromPath))) {
            throw JsonBody.invalid("targetUri and targetPath name different targets");
        }
        return new Target(null, queue != null ? queue : queueFromPath);
    }

    private static String queueIn(String path, Pattern pattern) {
        if (path == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String name;
        try {
            name = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw JsonBody.invalid("The queue name in the target is not validly %-encoded");
        }
        if (TextKind.NAME.flaw(name).isPresent() || name.isBlank() || name.length() > JsonBody.MAX_SHORT) {
            throw JsonBody.invalid("The queue name in the target is not a valid name");
        }
        return name;
    }

    private static String pathOf(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getRawQuery() != null || parsed.getRawFragment() != null ? null : parsed.getRawPath();
        } catch (URISyntaxException e) {
            throw JsonBody.invalid("targetUri is not a valid URI");
        }
    }

    private static String userFromUri(String uri) {
        String path;
        try {
            URI parsed = new URI(uri);
            path = parsed.getRawPath();
            if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
                throw JsonBody.invalid("targetUri must be a user URI without query or fragment");
            }
        } catch (URISyntaxException e) {
            throw JsonBody.invalid("targetUri is not a valid URI");
        }
        return match(USER_URI_PATH, path == null ? "" : path, "targetUri must be a user URI .../api/v2/users/{userId}");
    }

    private static String match(Pattern pattern, String value, String message) {
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            throw JsonBody.invalid(message);
        }
        return matcher.group(1);
    }
}
