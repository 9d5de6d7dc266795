package io.parley.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.cometd.bayeux.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.CometdClient;
import io.parley.support.Gws;
import io.parley.support.Parley;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The seed's scenario as a GWS desktop drives it, from outside: HTTP requests and the stock CometD Java client only.
 * Each agent signs in with HTTP Basic once, then rides on the JSESSIONID cookie with the CSRF token the response
 * announced (https://docs.genesys.com/Documentation/GWS/8.5.2/API/CSRFProtection), and hears its notifications over
 * CometD long-polling with that cookie and header. No bearer token anywhere: the administrator who creates the
 * agents signs in with Basic too, and the customer's only step, starting the chat, needs no credentials.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
public class GwsDesktopTest {

    private static final String CHANNEL = "/v2/me/chats";

    /** One desktop: its session and its CometD client. */
    private record Desktop(String id, String uri, Gws.Session session, CometdClient cometd) implements AutoCloseable {

        Response operate(String chatId, Map<String, ?> body) {
            return Parley.ok(session.request().body(body).post("/api/v2/me/chats/" + chatId));
        }

        /** The next notification of {@code type}, skipping others. */
        JsonObject next(String type) {
            for (int i = 0; i < 20; i++) {
                JsonObject data = cometd.next().json();
                if (type.equals(data.getString("notificationType"))) {
                    return data;
                }
            }
            throw new AssertionError("No " + type + " notification");
        }

        @Override
        public void close() {
            cometd.close();
        }
    }

    @Test
    void theSeedScenarioWithBasicTheSessionCookieAndCometd() {
        Gws.Session admin = Gws.signIn("admin", Parley.ADMIN_PASSWORD);
        String testNameUser = Parley.uniqueName("testname");
        String bFriendUser = Parley.uniqueName("bfriend");
        createAgent(admin, testNameUser, "TestName");
        createAgent(admin, bFriendUser, "BFriend");

        try (Desktop testName = signInReady(testNameUser)) {
            // a customer starts a chat (customers need no sign-in): routing offers it to the Ready TestName
            Response started = RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("nickname", "FirstL")).post("/api/v2/chats");
            started.then().statusCode(200).body("statusCode", equalTo(0));
            String chatId = started.path("chatId");
            assertEquals("Invited", testName.next("StatusChange").getJsonObject("chat").getString("state"));
            testName.operate(chatId, Map.of("operationName", "Accept", "nickname", "TestName"));
            assertEquals("Chatting", testName.next("StatusChange").getJsonObject("chat").getString("state"));
            testName.next("NewMessages");

            try (Desktop bFriend = signInReady(bFriendUser)) {
                int referenceId = testName.operate(chatId, Map.of("operationName", "Invite", "targetUri",
                        bFriend.uri())).path("referenceId");
                JsonObject offer = bFriend.next("StatusChange");
                assertEquals("Invited", offer.getJsonObject("chat").getString("state"));
                assertEquals(referenceId, offer.getInteger("referenceId"));

                bFriend.operate(chatId, Map.of("operationName", "Accept", "nickname", "BFriend"));

                // the seed's two notifications to the inviting agent, in order
                JsonObject first = testName.cometd().next().json();
                JsonObject second = testName.cometd().next().json();
                InviteFlowTest.assertSeedFirstNotification(first, chatId, referenceId);
                InviteFlowTest.assertSeedSecondNotification(second, chatId, referenceId,
                        first.getJsonObject("chat").getJsonArray("participants"));
                assertEquals("Chatting", bFriend.next("StatusChange").getJsonObject("chat").getString("state"));
                bFriend.next("NewMessages");

                // each message reaches the other agent, and its sender as well
                testName.operate(chatId, Map.of("operationName", "SendMessage", "text", "Welcome, BFriend"));
                assertEquals("Welcome, BFriend", lastMessage(bFriend.next("NewMessages")).getString("text"));
                assertEquals("Welcome, BFriend", lastMessage(testName.next("NewMessages")).getString("text"));
                bFriend.operate(chatId, Map.of("operationName", "SendToAgents", "text", "Thanks, I'll take it"));
                JsonObject toAgents = lastMessage(testName.next("NewMessages"));
                assertEquals("Thanks, I'll take it", toAgents.getString("text"));
                assertEquals("Agents", toAgents.getString("visibility"));
                assertEquals("Thanks, I'll take it", lastMessage(bFriend.next("NewMessages")).getString("text"));

                bFriend.operate(chatId, Map.of("operationName", "Leave"));
                JsonObject left = testName.next("ParticipantsUpdated");
                assertEquals(2, left.getJsonObject("chat").getJsonArray("participants").size());
                assertEquals("ParticipantLeft", lastMessage(testName.next("NewMessages")).getString("type"));

                endSession(bFriend);
            }
            endSession(testName);
        }
        Parley.ok(admin.request().post("/api/v2/signout"));
    }

    private static void createAgent(Gws.Session admin, String userName, String firstName) {
        Parley.ok(admin.request().body(Map.of("userName", userName, "password", "password-" + userName,
                "firstName", firstName, "lastName", "Desktop")).post("/api/v2/users"));
    }

    /**
     * A desktop signing in: Basic once, then the cookie and CSRF header for the contact center session, readiness,
     * and CometD (handshake, connect, subscribe), with nothing else.
     */
    private static Desktop signInReady(String userName) {
        Gws.Session session = Gws.signIn(userName, "password-" + userName);
        Response me = session.request().get("/api/v2/me");
        Parley.ok(session.request().body(Map.of("operationName", "StartContactCenterSession",
                "channels", List.of("chat"))).post("/api/v2/me"));
        CometdClient cometd = CometdClient.create(Parley.sseUrl(), CometdClient.Transport.LONG_POLLING,
                Map.of(session.csrfHeader(), session.csrfToken()), Map.of(Gws.COOKIE, session.cookie()), true);
        Message handshake = cometd.handshake();
        assertTrue(handshake.isSuccessful(), handshake.toString());
        assertTrue(cometd.subscribe(CHANNEL).isSuccessful());
        Parley.ok(session.request().body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        return new Desktop(me.path("user.id"), me.path("user.uri"), session, cometd);
    }

    /** EndContactCenterSession logs the agent out and ends the session: its cookie is refused from then on. */
    private static void endSession(Desktop desktop) {
        Parley.ok(desktop.session().request().body(Map.of("operationName", "EndContactCenterSession"))
                .post("/api/v2/me"));
        desktop.session().request().get("/api/v2/me").then().statusCode(401).body("statusCode", equalTo(20));
    }

    private static JsonObject lastMessage(JsonObject newMessages) {
        JsonArray messages = newMessages.getJsonArray("messages");
        return messages.getJsonObject(messages.size() - 1);
    }
}
