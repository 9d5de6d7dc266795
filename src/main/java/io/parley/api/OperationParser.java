package io.parley.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parley.chat.InvitationKind;
import io.parley.chat.MessageType;
import io.parley.chat.Operation;
import io.parley.chat.StatusCode;

/** Reads the {@code {"operationName": ..., params}} body of a chat operation into an {@link Operation}. */
public final class OperationParser {

    private static final String NAME = "operationName";

    private OperationParser() {
    }

    public static String operationName(JsonBody body) {
        String name = body.optionalText(NAME, TextKind.NAME, 64);
        if (name == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER, "Parameter 'operationName' is missing");
        }
        return name;
    }

    /** The operations of {@code POST /api/v2/me/chats/{id}} (api.md §4). */
    public static Operation agentOperation(JsonBody body) {
        String name = operationName(body);
        return switch (name) {
            case "Accept" -> new Operation.Accept(
                    params(body, "nickname").requiredText("nickname", TextKind.NAME, 64));
            case "Reject" -> none(body, new Operation.Reject());
            case "Invite" -> new Operation.Offer(InvitationKind.Invite, target(body));
            case "Consult" -> new Operation.Offer(InvitationKind.Consult, target(body));
            case "Transfer" -> transfer(body);
            case "RemoveParticipantFromConference" -> new Operation.RemoveParticipant(target(body));
            case "Leave" -> new Operation.Depart(name, false, parting(body));
            case "Complete", "LeaveAndComplete" -> new Operation.Depart(name, true, parting(body));
            case "SendMessage" -> text(body, name, MessageType.Text, false);
            case "SendToAgents" -> text(body, name, MessageType.Text, true);
            case "SendUrl" -> url(body);
            case "SendCustomNotice" -> notice(body, name, false);
            case "SendCustomNoticeToAgents" -> notice(body, name, true);
            case "SendStartTypingNotification" -> none(body, typing(name, MessageType.TypingStarted, false));
            case "SendStopTypingNotification" -> none(body, typing(name, MessageType.TypingStopped, false));
            case "SendStartTypingToAgentsNotification" -> none(body, typing(name, MessageType.TypingStarted, true));
            case "SendStopTypingToAgentsNotification" -> none(body, typing(name, MessageType.TypingStopped, true));
            // LeftChat lists the operation as InFocus (GWS ChatLeave page): either name sets the focus
            case "SetInFocus", "InFocus" -> none(body, new Operation.SetInFocus());
            case "SetDisposition" -> disposition(body);
            case "AttachUserData", "UpdateUserData" -> userData(body, name);
            case "DeleteUserData" -> deleteUserData(body);
            default -> throw unknown(name);
        };
    }

    /** The operations of {@code POST /api/v2/chats/{id}} with a customer token. */
    public static Operation customerOperation(JsonBody body) {
        String name = operationName(body);
        return switch (name) {
            case "SendMessage" -> text(body, name, MessageType.Text, false);
            case "SendStartTypingNotification" -> none(body, typing(name, MessageType.TypingStarted, false));
            case "SendStopTypingNotification" -> none(body, typing(name, MessageType.TypingStopped, false));
            case "Leave" -> new Operation.Depart(name, true, parting(body));
            default -> throw unknown(name);
        };
    }

    private static ApiException unknown(String name) {
        return JsonBody.invalid("Unknown operationName '" + JsonBody.printable(name) + "'");
    }

    private static JsonBody params(JsonBody body, String... names) {
        Set<String> allowed = new HashSet<>(List.of(names));
        allowed.add(NAME);
        return body.allowOnly(allowed);
    }

    private static Operation none(JsonBody body, Operation operation) {
        params(body);
        return operation;
    }

    private static String target(JsonBody body) {
        return Ids.targetUser(params(body, "targetUri", "targetPath"));
    }

    private static Operation transfer(JsonBody body) {
        params(body, "targetUri", "targetPath", "queueName");
        if (body.has("queueName") && !body.has("targetUri") && !body.has("targetPath")) {
            throw JsonBody.invalid("Transfer to a queue is not supported; give the targetUri of an agent");
        }
        return new Operation.Offer(InvitationKind.Transfer, Ids.targetUser(body));
    }

    private static String parting(JsonBody body) {
        return params(body, "text").optionalText("text", TextKind.FREE_TEXT, JsonBody.MAX_TEXT);
    }

    private static Operation text(JsonBody body, String name, MessageType type, boolean toAgents) {
        return new Operation.Post(name, type, toAgents, params(body, "text").requiredText("text", TextKind.FREE_TEXT,
                JsonBody.MAX_TEXT));
    }

    private static Operation typing(String name, MessageType type, boolean toAgents) {
        return new Operation.Post(name, type, toAgents, null);
    }

    private static Operation notice(JsonBody body, String name, boolean toAgents) {
        String notice = params(body, "noticeText").requiredText("noticeText", TextKind.FREE_TEXT,
                JsonBody.MAX_TEXT);
        return new Operation.Post(name, MessageType.CustomNotice, toAgents, notice);
    }

    private static Operation url(JsonBody body) {
        String url = params(body, "url").requiredText("url", TextKind.NAME, 2048);
        try {
            URI parsed = new URI(url);
            if (!"http".equalsIgnoreCase(parsed.getScheme()) && !"https".equalsIgnoreCase(parsed.getScheme())) {
                throw JsonBody.invalid("Parameter 'url' must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw JsonBody.invalid("Parameter 'url' is not a valid URL");
        }
        return new Operation.Post("SendUrl", MessageType.PushUrl, false, url);
    }

    private static Operation disposition(JsonBody body) {
        params(body, "disposition", "dispositionKey");
        String disposition = body.requiredText("disposition", TextKind.NAME, JsonBody.MAX_SHORT);
        String key = body.optionalText("dispositionKey", TextKind.NAME, JsonBody.MAX_SHORT);
        return new Operation.ChangeUserData("SetDisposition", Map.of(key == null ? "DispositionCode" : key,
                disposition), List.of());
    }

    private static Operation userData(JsonBody body, String name) {
        Map<String, Object> data = params(body, "userData").optionalUserData("userData");
        if (data == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER, "Parameter 'userData' is missing");
        }
        return new Operation.ChangeUserData(name, data, List.of());
    }

    private static Operation deleteUserData(JsonBody body) {
        List<String> keys = params(body, "keys").optionalTextList("keys", 100);
        if (keys == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER, "Parameter 'keys' is missing");
        }
        return new Operation.ChangeUserData("DeleteUserData", Map.of(), keys);
    }
}
