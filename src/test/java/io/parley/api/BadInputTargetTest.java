package io.parley.api;

import static io.parley.api.Bodies.array;
import static io.parley.api.Bodies.longText;
import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.MISSING;
import static io.parley.api.Refusals.NOT_FOUND;
import static io.parley.api.Refusals.WRONG_STATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * The targets of Invite, Consult, Transfer and RemoveParticipantFromConference: a user URI is matched on its path
 * whatever its host; anything else is refused and leaves the chat and the inviter's stream as they were.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputTargetTest extends SceneTest {

    private static final String USERS = "http://localhost:8080/api/v2/users/";

    private Agent other;

    BadInputTargetTest() {
        super("targets");
    }

    @BeforeEach
    void invitee() {
        if (other == null) {
            // never signed in to the chat channel, so an accepted Invite of them fails at once, with an Error
            other = Parley.createAgent("invitee");
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("Invite without target", op("Invite"), MISSING),
                row("Invite with null targetUri", op("Invite", "targetUri", null), MISSING),
                row("Consult without target", op("Consult"), MISSING),
                row("Transfer without target", op("Transfer"), MISSING),
                row("RemoveParticipantFromConference without target", op("RemoveParticipantFromConference"), MISSING),
                // queues: https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer
                row("Transfer to an unknown queue", op("Transfer", "queueName", "nosuch"), NOT_FOUND),
                row("Transfer to an unknown queue URI", op("Transfer", "targetUri",
                        "http://localhost:8080/api/v2/queues/nosuch"), NOT_FOUND),
                row("Consult of an unknown queue", op("Consult", "targetPath", "/queues/nosuch"), NOT_FOUND),
                row("Complete to an unknown queue", op("Complete", "queueName", "nosuch"), NOT_FOUND),
                row("Transfer to both an agent and a queue", op("Transfer", "queueName", "sales",
                        "targetUri", USERS + "{other}"), INVALID),
                row("queueName on Consult", op("Consult", "queueName", "sales"), INVALID),
                row("queueName on Invite", op("Invite", "queueName", "sales"), INVALID),
                row("Invite of a queue", op("Invite", "targetPath", "/queues/sales"), INVALID),
                row("queue URI with a bad escape", op("Transfer", "targetUri",
                        "http://localhost:8080/api/v2/queues/sa%zzles"), INVALID),
                row("queue targetUri and agent targetPath", op("Transfer", "targetUri",
                        "http://localhost:8080/api/v2/queues/sales", "targetPath", "/users/{other}"), INVALID),
                row("numeric queueName", op("Transfer", "queueName", 7), INVALID),
                row("empty targetUri", op("Invite", "targetUri", ""), INVALID),
                row("numeric targetUri", op("Invite", "targetUri", 42), INVALID),
                row("targetUri array", op("Invite", "targetUri", array(USERS + "{other}")), INVALID),
                row("chat URI", op("Invite", "targetUri", "http://localhost:8080/api/v2/chats/{chat}"), INVALID),
                row("own user path", op("Invite", "targetUri", "http://localhost:8080/api/v2/me"), INVALID),
                row("user collection", op("Invite", "targetUri", "http://localhost:8080/api/v2/users"), INVALID),
                row("user URI outside /api/v2", op("Invite", "targetUri", "http://localhost:8080/users/{other}"),
                        INVALID),
                row("upper-case user id", op("Invite", "targetUri", USERS + "429A55994EF64991A77ACB77C1CF9041"),
                        INVALID),
                row("glob as user id", op("Invite", "targetUri", USERS + "*"), INVALID),
                row("glob inside user id", op("Invite", "targetUri", USERS + "429a55994ef64991a77acb77c1cf904?"),
                        INVALID),
                row("../ after the user id", op("Invite", "targetUri", USERS + "{other}/../{agent}"), INVALID),
                row("query", op("Invite", "targetUri", USERS + "{other}?role=admin"), INVALID),
                row("fragment", op("Invite", "targetUri", USERS + "{other}#x"), INVALID),
                row("encoded CR/LF", op("Invite", "targetUri", USERS + "{other}%0D%0A"), INVALID),
                row("raw CR/LF", op("Invite", "targetUri", USERS + "{other}\r\nX-Evil: 1"), INVALID),
                row("not a URI", op("Invite", "targetUri", "not a uri"), INVALID),
                row("broken IPv6 host", op("Invite", "targetUri", "http://[::1/api/v2/users/{other}"), INVALID),
                row("opaque URI", op("Invite", "targetUri", "mailto:{other}@example.com"), INVALID),
                row("targetUri of 2049 characters", op("Invite", "targetUri", USERS + "{other}/" + longText(2000)),
                        INVALID),
                row("targetPath to a chat", op("Invite", "targetPath", "/chats/{chat}"), INVALID),
                row("targetPath glob", op("Invite", "targetPath", "/users/*"), INVALID),
                row("targetUri and targetPath disagree", op("Invite", "targetUri", USERS + "{other}",
                        "targetPath", "/users/{agent}"), INVALID),
                row("extra parameter", op("Invite", "targetUri", USERS + "{other}", "nickname", "x"), INVALID),
                row("Transfer to a chat URI", op("Transfer", "targetUri", "http://localhost:8080/api/v2/chats/{chat}"),
                        INVALID),
                row("unknown user", op("Invite", "targetUri", USERS + "0".repeat(32)), NOT_FOUND),
                row("Consult of an unknown user", op("Consult", "targetUri", USERS + "f".repeat(32)), NOT_FOUND),
                row("Transfer to an unknown user", op("Transfer", "targetPath", "/users/" + "a".repeat(32)), NOT_FOUND),
                row("removing an agent not in the chat", op("RemoveParticipantFromConference",
                        "targetUri", USERS + "{other}"), NOT_FOUND),
                row("inviting oneself", op("Invite", "targetUri", USERS + "{agent}"), WRONG_STATE),
                row("consulting oneself", op("Consult", "targetPath", "/users/{agent}"), WRONG_STATE),
                row("transferring to oneself", op("Transfer", "targetUri", USERS + "{agent}"), WRONG_STATE),
                row("removing oneself", op("RemoveParticipantFromConference", "targetUri", USERS + "{agent}"),
                        WRONG_STATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAndNothingChanged(Call call, int statusCode) {
        scene.assertRefusedUnchanged(call, () -> call.send(scene, other.id()), statusCode);
    }

    /** The seed's targetUri names localhost:8080 whatever the server's address: only the path counts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "https://gws.elsewhere.example:8443/api/v2/users/{other}",
            "http://localhost:8080/gws/api/v2/users/{other}/" })
    void aUserUriOnAnotherHostIsAccepted(String targetUri) {
        String before = scene.state();
        String body = op("Invite", "targetUri", targetUri.replace("{other}", other.id()));

        int referenceId = Parley.operate(scene.agent, scene.chatId(), new JsonObject(body).getMap());

        // the invitee is not signed in: the Invite is accepted, then fails with an Error under its referenceId
        JsonObject error = scene.agentStream().nextOfType("Error").json();
        assertEquals(referenceId, error.getInteger("referenceId"));
        assertTrue(error.getString("errorMessage").contains("not logged in"), error.encode());
        assertEquals(before, scene.state(), "the failed invitation left nothing behind");
        scene.assertQuiet();
    }

    private static Arguments row(String name, String body, int statusCode) {
        return Arguments.of(Call.post(name, AGENT, "/api/v2/me/chats/{chat}", body), statusCode);
    }
}
