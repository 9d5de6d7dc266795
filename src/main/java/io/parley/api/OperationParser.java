package io.parley.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parley.chat.InvitationKind;
import io.parley.chat.MessageType;
import io.parley.chat.Operation;
import io.parley.chat.Remark;
import io.parley.chat.StatusCode;
import io.parley.chat.SupervisorMode;
import io.parley.chat.TreatAs;

/** Reads the {@code {"operationName": ..., params}} body of a chat operation into an {@link Operation}. */
public final class OperationParser {

    private static final String NAME = "operationName";
    /**
     * The parameters of a text an operation posts
     * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete).
     */
    private static final String[] REMARK = { "text", "messageType", "treatAs" };

    private OperationParser() {
    }

    public static String operationName(JsonBody body) {
        String name = body.optionalText(NAME, TextKind.NAME, 64);
        OperationTrail.named(name);
        if (name == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER, "Parameter 'operationName' is missing");
        }
        return name;
    }

    /** The operations of {@code POST /api/v2/me/chats/{id}} (docs/api.md §4). */
    public static Operation agentOperation(JsonBody body) {
        String name = operationName(body);
        return switch (name) {
            case "Accept" -> accept(body);
            case "Reject" -> none(body, new Operation.Reject());
            case "Invite" -> new Operation.Offer(InvitationKind.Invite, target(body));
            case "Consult" -> consult(body);
            case "Transfer" -> transfer(body);
            case "RemoveParticipantFromConference" -> removal(body);
            case "Leave" -> new Operation.Depart(name, false, remark(params(body, REMARK)), false, null);
            case "Complete" -> complete(body);
            case "LeaveAndComplete" -> new Operation.Depart(name, true, parting(body));
            case "SendMessage" -> labelledText(body, name, false);
            case "SendToAgents" -> labelledText(body, name, true);
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
            case "SwitchToMonitor" -> none(body, new Operation.SwitchSupervision(SupervisorMode.Monitor));
            case "SwitchToCoach" -> none(body, new Operation.SwitchSupervision(SupervisorMode.Coach));
            case "SwitchToBargeIn" -> none(body, new Operation.SwitchSupervision(SupervisorMode.BargeIn));
            case "AttachUserData", "UpdateUserData" -> userData(body, name);
            case "DeleteUserData" -> deleteUserData(body);
            default -> throw unknown(name);
        };
    }

    /**
     * The operation of {@code POST /api/v2/users/{agentId}/chats/{chatId}}: Intrude
     * (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatIntrude). Without {@code supervisorVisibilityMode}
     * the mode is that of the supervisor's standing monitoring of the agent ({@code monitoring}, null for none),
     * and without either the request fails, as GWS's does.
     */
    public static Operation.Intrude intrusion(JsonBody body, String agentUserId, String nickname,
            SupervisorMode monitoring) {
        String name = operationName(body);
        if (!name.equals("Intrude")) {
            throw unknown(name);
        }
        String mode = params(body, "supervisorVisibilityMode")
                .optionalText("supervisorVisibilityMode", TextKind.NAME, JsonBody.MAX_SHORT);
        if (mode == null && monitoring != null) {
            return new Operation.Intrude(agentUserId, monitoring, nickname);
        }
        if (mode == null) {
            throw new ApiException(StatusCode.MISSING_PARAMETER,
                    "Parameter 'supervisorVisibilityMode' is missing, and you do not monitor this agent");
        }
        for (SupervisorMode known : SupervisorMode.values()) {
            if (known.name().equals(mode)) {
                return new Operation.Intrude(agentUserId, known, nickname);
            }
        }
        throw JsonBody.invalid("Parameter 'supervisorVisibilityMode' must be Monitor, Coach or BargeIn");
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

    private static JsonBody params(JsonBody body, String[] common, String... more) {
        List<String> names = new ArrayList<>(List.of(common));
        names.addAll(List.of(more));
        return params(body, names.toArray(String[]::new));
    }

    /**
     * The optional text of Leave, Complete, Transfer and RemoveParticipantFromConference with its labels; GWS takes
     * messageType and treatAs only together with a text.
     */
    private static Remark remark(JsonBody body) {
        String text = body.optionalText("text", TextKind.FREE_TEXT, JsonBody.MAX_TEXT);
        String messageType = body.optionalText("messageType", TextKind.NAME, JsonBody.MAX_SHORT);
        TreatAs treatAs = treatAs(body);
        if (text == null && (messageType != null || treatAs != null)) {
            throw new ApiException(StatusCode.MISSING_PARAMETER,
                    "Parameter 'text' is missing: messageType and treatAs go with a text");
        }
        return text == null ? null : new Remark(text, messageType, treatAs);
    }

    private static TreatAs treatAs(JsonBody body) {
        String value = body.optionalText("treatAs", TextKind.NAME, JsonBody.MAX_SHORT);
        if (value == null) {
            return null;
        }
        for (TreatAs treatAs : TreatAs.values()) {
            if (treatAs.name().equals(value)) {
                return treatAs;
            }
        }
        throw JsonBody.invalid("Parameter 'treatAs' must be Normal or System");
    }

    private static Operation accept(JsonBody body) {
        params(body, "nickname", "saveLAR");
        return new Operation.Accept(body.requiredText("nickname", TextKind.NAME, 64), body.optionalFlag("saveLAR"));
    }

    /** Complete (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete). */
    private static Operation complete(JsonBody body) {
        params(body, REMARK, "saveLAR", "queueName");
        Remark remark = remark(body);
        boolean saveLastAgent = body.optionalFlag("saveLAR");
        String queue = body.optionalText("queueName", TextKind.NAME, JsonBody.MAX_SHORT);
        return new Operation.Depart("Complete", true, remark, saveLastAgent, queue);
    }

    private static Operation removal(JsonBody body) {
        params(body, REMARK, "targetUri", "targetPath");
        Remark remark = remark(body);
        return new Operation.RemoveParticipant(Ids.targetUser(body), remark);
    }

    /** Consult an agent or a queue (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatConsult). */
    private static Operation consult(JsonBody body) {
        Ids.Target target = Ids.targetUserOrQueue(params(body, "targetUri", "targetPath"));
        return target.queueName() != null
                ? new Operation.OfferToQueue(InvitationKind.Consult, target.queueName(), null)
                : new Operation.Offer(InvitationKind.Consult, target.userId());
    }

    private static Operation labelledText(JsonBody body, String name, boolean toAgents) {
        params(body, REMARK);
        String text = body.requiredText("text", TextKind.FREE_TEXT, JsonBody.MAX_TEXT);
        Remark remark = remark(body);
        return new Operation.Post(name, MessageType.Text, toAgents, text, remark.messageType(), remark.treatAs());
    }

    private static Operation none(JsonBody body, Operation operation) {
        params(body);
        return operation;
    }

    private static String target(JsonBody body) {
        return Ids.targetUser(params(body, "targetUri", "targetPath"));
    }

    /**
     * Transfer to an agent or a queue
     * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer).
     */
    private static Operation transfer(JsonBody body) {
        params(body, REMARK, "targetUri", "targetPath", "queueName");
        Remark remark = remark(body);
        String queueName = body.optionalText("queueName", TextKind.NAME, JsonBody.MAX_SHORT);
        if (queueName != null) {
            if (body.has("targetUri") || body.has("targetPath")) {
                throw JsonBody.invalid("Give either a target or a queueName, not both");
            }
            return new Operation.OfferToQueue(InvitationKind.Transfer, queueName, remark);
        }
        Ids.Target target = Ids.targetUserOrQueue(body);
        return target.queueName() != null
                ? new Operation.OfferToQueue(InvitationKind.Transfer, target.queueName(), remark)
                : new Operation.Offer(InvitationKind.Transfer, target.userId(), remark);
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
