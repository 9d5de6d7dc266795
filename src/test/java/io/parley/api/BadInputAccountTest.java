package io.parley.api;

import static io.parley.api.Bodies.array;
import static io.parley.api.Bodies.json;
import static io.parley.api.Bodies.longText;
import static io.parley.api.Bodies.object;
import static io.parley.api.Bodies.op;
import static io.parley.api.Call.Caller.ADMIN;
import static io.parley.api.Call.Caller.AGENT;
import static io.parley.api.Call.Caller.NOBODY;
import static io.parley.api.Refusals.EXISTS;
import static io.parley.api.Refusals.INVALID;
import static io.parley.api.Refusals.MISSING;
import static io.parley.api.Refusals.NOT_AUTHENTICATED;
import static io.parley.api.Refusals.assertRefused;
import static io.restassured.RestAssured.given;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Signing in, creating users, the agent's session and readiness: every parameter wrong in every way. */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class BadInputAccountTest extends SceneTest {

    private static final String TOKEN = "/api/v2/auth/token";
    private static final String USERS = "/api/v2/users";
    private static final String ME = "/api/v2/me";
    private static final String READINESS = "/api/v2/me/channels/chat";
    private static final String START = "StartContactCenterSession";

    BadInputAccountTest() {
        super("accounts");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // POST /api/v2/auth/token
                row(TOKEN, NOBODY, "no username", json("password", "x"), MISSING),
                row(TOKEN, NOBODY, "no password", json("username", "admin"), MISSING),
                row(TOKEN, NOBODY, "null username", json("username", null, "password", "x"), MISSING),
                row(TOKEN, NOBODY, "numeric username", json("username", 42, "password", "x"), INVALID),
                row(TOKEN, NOBODY, "username array", json("username", array("admin"), "password", "x"), INVALID),
                row(TOKEN, NOBODY, "username object", json("username", object("a", 1), "password", "x"), INVALID),
                row(TOKEN, NOBODY, "boolean password", json("username", "admin", "password", true), INVALID),
                row(TOKEN, NOBODY, "empty username", json("username", "", "password", "x"), INVALID),
                row(TOKEN, NOBODY, "extra field", json("username", "admin", "password", "x", "scope", "all"), INVALID),
                row(TOKEN, NOBODY, "257-character username", json("username", longText(257), "password", "x"), INVALID),
                row(TOKEN, NOBODY, "257-character password", json("username", "admin", "password", longText(257)),
                        INVALID),
                row(TOKEN, NOBODY, "wrong password", json("username", "admin", "password", "wrong"), NOT_AUTHENTICATED),
                row(TOKEN, NOBODY, "unknown user", json("username", "nobody-at-all", "password", "x"),
                        NOT_AUTHENTICATED),
                row(TOKEN, NOBODY, "glob as username", json("username", "*", "password", "x"), NOT_AUTHENTICATED),
                row(TOKEN, NOBODY, "CR/LF in username", json("username", "admin\r\nX-Admin: yes", "password", "x"),
                        INVALID),
                row(TOKEN, NOBODY, "256-character password", json("username", "admin", "password", longText(256)),
                        NOT_AUTHENTICATED),
                row(TOKEN, NOBODY, "password of 200 UTF-8 bytes", json("username", "admin", "password", "é".repeat(100)),
                        NOT_AUTHENTICATED),
                row(TOKEN, NOBODY, "NUL in password", json("username", "admin", "password", "\u0000"),
                        NOT_AUTHENTICATED),
                // POST /api/v2/users
                row(USERS, ADMIN, "no userName", json("password", "password-1"), MISSING),
                row(USERS, ADMIN, "no password", json("userName", "newcomer"), MISSING),
                row(USERS, ADMIN, "numeric userName", json("userName", 5, "password", "password-1"), INVALID),
                row(USERS, ADMIN, "space in userName", json("userName", "new comer", "password", "password-1"), INVALID),
                row(USERS, ADMIN, "glob userName", json("userName", "ag*", "password", "password-1"), INVALID),
                row(USERS, ADMIN, "CR/LF in userName", json("userName", "new\r\ncomer", "password", "password-1"),
                        INVALID),
                row(USERS, ADMIN, "../ in userName", json("userName", "../admin", "password", "password-1"), INVALID),
                row(USERS, ADMIN, "unicode userName", json("userName", "ünïcødé", "password", "password-1"), INVALID),
                row(USERS, ADMIN, "65-character userName", json("userName", longText(65), "password", "password-1"),
                        INVALID),
                row(USERS, ADMIN, "7-character password", json("userName", "newcomer", "password", "short12"), INVALID),
                row(USERS, ADMIN, "129-character password", json("userName", "newcomer", "password", longText(129)),
                        INVALID),
                row(USERS, ADMIN, "73-byte password, beyond what bcrypt reads", json("userName", "newcomer",
                        "password", longText(73)), INVALID),
                row(USERS, ADMIN, "100 accented letters as password", json("userName", "newcomer",
                        "password", "é".repeat(100)), INVALID),
                row(USERS, ADMIN, "roles as a string", json("userName", "newcomer", "password", "password-1",
                        "roles", "agent"), INVALID),
                row(USERS, ADMIN, "unknown role", json("userName", "newcomer", "password", "password-1",
                        "roles", array("superuser")), INVALID),
                row(USERS, ADMIN, "no roles", json("userName", "newcomer", "password", "password-1",
                        "roles", array()), INVALID),
                row(USERS, ADMIN, "numeric role", json("userName", "newcomer", "password", "password-1",
                        "roles", array(1)), INVALID),
                row(USERS, ADMIN, "null role", json("userName", "newcomer", "password", "password-1",
                        "roles", array("agent", null)), INVALID),
                row(USERS, ADMIN, "numeric firstName", json("userName", "newcomer", "password", "password-1",
                        "firstName", 5), INVALID),
                row(USERS, ADMIN, "empty firstName", json("userName", "newcomer", "password", "password-1",
                        "firstName", ""), INVALID),
                row(USERS, ADMIN, "257-character lastName", json("userName", "newcomer", "password", "password-1",
                        "lastName", longText(257)), INVALID),
                row(USERS, ADMIN, "own id", json("userName", "newcomer", "password", "password-1",
                        "id", "429a55994ef64991a77acb77c1cf9041"), INVALID),
                row(USERS, ADMIN, "password hash", json("userName", "newcomer", "password", "password-1",
                        "passwordHash", "$2a$10$abc"), INVALID),
                row(USERS, ADMIN, "taken userName", json("userName", "admin", "password", "password-1"), EXISTS),
                // POST /api/v2/me
                row(ME, AGENT, "no operationName", json("channels", array("chat")), MISSING),
                row(ME, AGENT, "null operationName", json("operationName", null), MISSING),
                row(ME, AGENT, "unknown operationName", op("StartSession"), INVALID),
                row(ME, AGENT, "operationName in lower case", op("startcontactcentersession"), INVALID),
                row(ME, AGENT, "numeric operationName", json("operationName", 1), INVALID),
                row(ME, AGENT, "empty operationName", op(""), INVALID),
                row(ME, AGENT, "65-character operationName", op(longText(65)), INVALID),
                row(ME, AGENT, "readiness operation", op("Ready"), INVALID),
                row(ME, AGENT, "channels as a string", op(START, "channels", "chat"), INVALID),
                row(ME, AGENT, "voice channel", op(START, "channels", array("voice")), INVALID),
                row(ME, AGENT, "no channels", op(START, "channels", array()), INVALID),
                row(ME, AGENT, "numeric channel", op(START, "channels", array(1)), INVALID),
                row(ME, AGENT, "extra field", op("EndContactCenterSession", "force", true), INVALID),
                // POST /api/v2/me/channels/chat
                row(READINESS, AGENT, "no operationName", "{}", MISSING),
                row(READINESS, AGENT, "unknown state", op("Busy"), INVALID),
                row(READINESS, AGENT, "session operation", op(START), INVALID),
                row(READINESS, AGENT, "operationName array", json("operationName", array("Ready")), INVALID),
                row(READINESS, AGENT, "extra field", op("NotReady", "reason", "lunch"), INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAndNothingChanged(Call call, int statusCode) {
        scene.assertRefusedUnchanged(call, () -> call.send(scene, null), statusCode);
    }

    @Test
    void aPasswordLongerThanBcryptReadsDoesNotSignIn() {
        String userName = Parley.uniqueName("bcrypt");
        String password = "p".repeat(72);
        Parley.ok(Parley.as(scene.adminToken).body(json("userName", userName, "password", password)).post(USERS));

        assertRefused(given().contentType(ContentType.JSON)
                .body(json("username", userName, "password", password + "X")).post(TOKEN), NOT_AUTHENTICATED);
        Parley.token(userName, password);
    }

    private static Arguments row(String path, Call.Caller caller, String name, String body, int statusCode) {
        return Arguments.of(Call.post(name, caller, path, body), statusCode);
    }
}
