package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.SeedCapabilities;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The seed (docs/api.md, "The seed", §5), replayed: TestName invites BFriend into FirstL's chat. */
@QuarkusTest
class InviteFlowTest {

    static final List<String> ALONE = SeedCapabilities.ALONE;
    static final List<String> CONFERENCE = SeedCapabilities.CONFERENCE;
    static final String PARTICIPANT_ID = "[0-9A-F]{16}";
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}";

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    /** TestName is chatting with FirstL; returns the chat. */
    static Customer chattingWith(Agent agent, SseClient agentStream, String nickname) {
        Customer customer = Parley.startChat("FirstL");
        agentStream.nextOfType("StatusChange");
        operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", nickname));
        agentStream.nextOfType("StatusChange");
        agentStream.nextOfType("NewMessages");
        return customer;
    }

    @Test
    void inviteAcceptedYieldsTheSeedsTwoNotifications() {
        Agent testName = Parley.readyAgent("testname");
        try (SseClient aStream = SseClient.connect(Parley.sseUrl(), testName.token(), null)) {
            Customer firstL = chattingWith(testName, aStream, "TestName");
            Agent bFriend = Parley.readyAgent("bfriend");
            try (SseClient bStream = SseClient.connect(Parley.sseUrl(), bFriend.token(), null);
                    SseClient customerStream = SseClient.connect(Parley.sseUrl(), firstL.token(), null)) {
                // the seed's targetUri names localhost:8080, whatever port this server listens on
                Response reply = as(testName.token())
                        .body(Map.of("operationName", "Invite", "targetUri",
                                "http://localhost:8080/api/v2/users/" + bFriend.id()))
                        .post("/api/v2/me/chats/" + firstL.chatId());
                reply.then().statusCode(200);
                JsonObject replyBody = new JsonObject(reply.asString());
                assertEquals(Set.of("statusCode", "referenceId"), replyBody.fieldNames());
                assertEquals(0, replyBody.getValue("statusCode"));
                int referenceId = replyBody.getInteger("referenceId");
                assertTrue(referenceId > 0);

                JsonObject offer = bStream.nextOfType("StatusChange").json();
                assertEquals("Invited", offer.getJsonObject("chat").getString("state"));
                assertEquals(List.of("Accept", "Reject"), offer.getJsonObject("chat").getJsonArray("capabilities").getList());
                assertEquals(referenceId, offer.getInteger("referenceId"));

                operate(bFriend, firstL.chatId(), Map.of("operationName", "Accept", "nickname", "BFriend"));

                SseClient.Event first = aStream.next();
                SseClient.Event second = aStream.next();
                assertSeedFirstNotification(first.json(), firstL.chatId(), referenceId);
                assertSeedSecondNotification(second.json(), firstL.chatId(), referenceId,
                        first.json().getJsonObject("chat").getJsonArray("participants"));

                JsonObject seenByCustomer = customerStream.nextOfType("NewMessages").json()
                        .getJsonArray("messages").getJsonObject(0);
                assertEquals("ParticipantJoined", seenByCustomer.getString("type"));
                assertEquals("BFriend", seenByCustomer.getJsonObject("from").getString("nickname"));

                JsonObject chatting = bStream.nextOfType("StatusChange").json();
                assertEquals("Chatting", chatting.getJsonObject("chat").getString("state"));
                assertEquals(CONFERENCE, chatting.getJsonObject("chat").getJsonArray("capabilities").getList());
                JsonArray history = bStream.nextOfType("NewMessages").json().getJsonArray("messages");
                assertEquals(List.of(1, 2, 3), history.stream().map(m -> ((JsonObject) m).getInteger("index")).toList());
            }
        }
    }

    static void assertSeedFirstNotification(JsonObject notification, String chatId, int referenceId) {
        assertEquals("ParticipantsUpdated", notification.getString("notificationType"));
        assertEquals("ChatStateChangeMessage", notification.getString("messageType"));
        assertEquals(referenceId, notification.getInteger("referenceId"));
        JsonObject chat = notification.getJsonObject("chat");
        assertEquals(chatId, chat.getString("id"));
        assertEquals("Chatting", chat.getString("state"));
        assertEquals(CONFERENCE, chat.getJsonArray("capabilities").getList());
        assertTrue(chat.getString("uri").endsWith("/api/v2/chats/" + chatId), chat.getString("uri"));
        JsonArray participants = chat.getJsonArray("participants");
        assertEquals(Set.of("TestName/Agent", "BFriend/Agent", "FirstL/Customer"),
                Set.copyOf(participants.stream().map(p -> ((JsonObject) p).getString("nickname") + "/"
                        + ((JsonObject) p).getString("type")).toList()));
        for (Object p : participants) {
            JsonObject participant = (JsonObject) p;
            // the seed's three fields; agents add their user's uri and path as GWS writes them
            // (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSendCustomNotice)
            if (participant.getString("type").equals("Agent")) {
                assertEquals(Set.of("nickname", "type", "participantId", "uri", "path"), participant.fieldNames());
                assertTrue(participant.getString("path").matches("/users/[0-9a-f]{32}"), participant.encode());
                assertTrue(participant.getString("uri").endsWith("/api/v2" + participant.getString("path")));
            } else {
                assertEquals(Set.of("nickname", "type", "participantId"), participant.fieldNames());
            }
            assertTrue(participant.getString("participantId").matches(PARTICIPANT_ID));
        }
    }

    static void assertSeedSecondNotification(JsonObject notification, String chatId, int referenceId,
            JsonArray participants) {
        assertEquals("NewMessages", notification.getString("notificationType"));
        assertEquals("MessageLogUpdated", notification.getString("messageType"));
        assertEquals(referenceId, notification.getInteger("referenceId"));
        assertTrue(notification.getString("chatUri").endsWith("/api/v2/chats/" + chatId));
        JsonArray messages = notification.getJsonArray("messages");
        assertEquals(1, messages.size());
        JsonObject joined = messages.getJsonObject(0);
        assertEquals(3, joined.getValue("index"));
        assertEquals("ParticipantJoined", joined.getString("type"));
        assertEquals("All", joined.getString("visibility"));
        assertTrue(joined.getString("timestamp").matches(TIMESTAMP), joined.getString("timestamp"));
        assertInstanceOf(Long.class, ((Number) joined.getValue("timestampSeconds")).longValue());
        long millis = ((Number) joined.getValue("timestampSeconds")).longValue();
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "timestampSeconds holds epoch millis");
        JsonObject from = joined.getJsonObject("from");
        assertEquals("BFriend", from.getString("nickname"));
        assertEquals("Agent", from.getString("type"));
        String bFriendId = participants.stream().map(p -> (JsonObject) p)
                .filter(p -> p.getString("nickname").equals("BFriend")).findFirst().orElseThrow()
                .getString("participantId");
        assertEquals(bFriendId, from.getString("participantId"));
    }

    @Test
    void inviteOfANotReadyAgentYieldsTheSeedsErrorNotification() {
        Agent testName = Parley.readyAgent("testname");
        try (SseClient aStream = SseClient.connect(Parley.sseUrl(), testName.token(), null)) {
            Customer firstL = chattingWith(testName, aStream, "TestName");
            Agent busy = Parley.readyAgent("busy");
            Parley.notReady(busy);

            int referenceId = operate(testName, firstL.chatId(),
                    Map.of("operationName", "Invite", "targetPath", "/users/" + busy.id()));

            JsonObject error = aStream.next().json();
            assertEquals("Error", error.getString("notificationType"));
            assertEquals("ChatStateChangeMessage", error.getString("messageType"));
            assertEquals(referenceId, error.getInteger("referenceId"));
            assertFalse(error.getString("errorMessage").isBlank());
            JsonObject chat = error.getJsonObject("chat");
            assertEquals("Chatting", chat.getString("state"));
            assertEquals(firstL.chatId(), chat.getString("id"));
            assertEquals(ALONE, chat.getJsonArray("capabilities").getList());
            assertEquals(2, chat.getJsonArray("participants").size());
            assertTrue(aStream.drain(Duration.ofMillis(500)).isEmpty());
        }
    }
}
