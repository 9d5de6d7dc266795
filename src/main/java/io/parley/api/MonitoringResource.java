package io.parley.api;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.parley.ParleyConfig;
import io.parley.chat.Monitoring;
import io.parley.chat.MonitoringScope;
import io.parley.chat.StatusCode;
import io.parley.chat.SupervisorMode;
import io.parley.store.Json;
import io.parley.store.Monitorings;
import io.parley.store.UserRepository;
import io.parley.user.User;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * A supervisor's standing monitoring of an agent: {@code POST /api/v2/users/{agentId}/channels/chat} with Monitor,
 * Coach or BargeIn, or CancelSupervisorMonitoring (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatMonitor,
 * ChatCoach, ChatBargeIn, ChatCancelSupervisorMonitoring). It changes no chat: the supervisor joins the chats the
 * agent accepts from then on. Any supervisor may monitor any agent (Parley has no teams).
 */
@Path("/api/v2/users/{userId}/channels/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RolesAllowed(User.SUPERVISOR)
@RunOnVirtualThread
public class MonitoringResource {

    private final Monitorings monitorings;
    private final UserRepository users;
    private final Json json;
    private final ParleyConfig config;
    private final JsonWebToken token;

    MonitoringResource(Monitorings monitorings, UserRepository users, Json json, ParleyConfig config,
            JsonWebToken token) {
        this.monitorings = monitorings;
        this.users = users;
        this.json = json;
        this.config = config;
        this.token = token;
    }

    @POST
    public Replies.Done operate(@PathParam("userId") String userId, byte[] body) {
        String agentId = Ids.userId(userId);
        JsonBody input = JsonBody.parse(json.mapper(), body, config.request().maxBytes());
        String operation = OperationParser.operationName(input);
        String supervisorId = token.getSubject();
        switch (operation) {
            case "Monitor", "Coach", "BargeIn" -> {
                input.allowOnly(Set.of("operationName", "supervisorMonitoringMode", "nickname"));
                MonitoringScope scope = scope(input);
                String nickname = input.optionalText("nickname", TextKind.NAME, 64);
                agent(agentId);
                if (agentId.equals(supervisorId)) {
                    throw new ApiException(StatusCode.INVALID_STATE, "A supervisor cannot monitor themselves");
                }
                User supervisor = users.find(supervisorId).orElseThrow(
                        () -> new ApiException(StatusCode.NOT_AUTHENTICATED, "The token's user no longer exists"));
                monitorings.start(agentId, new Monitoring(supervisorId, SupervisorMode.valueOf(operation), scope,
                        nickname == null ? supervisor.userName() : nickname));
            }
            case "CancelSupervisorMonitoring" -> {
                input.allowOnly(Set.of("operationName"));
                agent(agentId);
                if (!monitorings.cancel(agentId, supervisorId)) {
                    throw new ApiException(StatusCode.INVALID_STATE, "You do not monitor agent " + agentId);
                }
            }
            default -> throw JsonBody.invalid("Unknown operationName '" + JsonBody.printable(operation) + "'");
        }
        return Replies.done();
    }

    private void agent(String agentId) {
        users.find(agentId).filter(User::isAgent)
                .orElseThrow(() -> new ApiException(StatusCode.NOT_FOUND, "Agent " + agentId + " not found"));
    }

    /** GWS's supervisorMonitoringMode: NextChat or AllChats, AllChats when absent. */
    private static MonitoringScope scope(JsonBody input) {
        String value = input.optionalText("supervisorMonitoringMode", TextKind.NAME, JsonBody.MAX_SHORT);
        if (value == null) {
            return MonitoringScope.AllChats;
        }
        for (MonitoringScope scope : MonitoringScope.values()) {
            if (scope.name().equals(value)) {
                return scope;
            }
        }
        throw JsonBody.invalid("Parameter 'supervisorMonitoringMode' must be NextChat or AllChats");
    }
}
