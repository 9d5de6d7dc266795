package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The optional parameters GWS documents, each seen where GWS shows it: a message's {@code messageType} in the
 * NewMessages notification and the transcript (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSend),
 * the {@code text} (with {@code messageType}, {@code treatAs}) of Complete, Leave and
 * RemoveParticipantFromConference posted to the chat
 * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete),
 * and {@code saveLAR} (https://docs.genesys.com/Documentation/HTCC/latest/API/ChatAccept) sending the customer's
 * next chat to the same agent first.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class RemarkFlowTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    private static JsonArray transcript(Customer customer) {
        return new JsonObject(as(customer.token()).get("/api/v2/chats/" + customer.chatId() + "/messages")
                .then().statusCode(200).extract().asString()).getJsonArray("messages");
    }

    private static JsonObject last(JsonArray messages, String type) {
        JsonObject found = null;
        for (Object message : messages) {
            if (type.equals(((JsonObject) message).getString("type"))) {
                found = (JsonObject) message;
            }
        }
        return found;
    }

    @Test
    void sendMessageShowsItsMessageTypeAndTreatAsToTheCustomer() {
        Agent agent = Parley.readyAgent("greeter");
        try (SseClient agentStream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(agent, agentStream, "Greeter");
            try (SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null)) {
                operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "How may I help you?",
                        "messageType", "Greeting", "treatAs", "System"));

                JsonObject pushed = customerStream.nextOfType("NewMessages").json().getJsonArray("messages")
                        .getJsonObject(0);
                assertEquals("Greeting", pushed.getString("messageType"));
                assertEquals("System", pushed.getString("treatAs"));
                assertEquals("Text", pushed.getString("type"));
                assertEquals(pushed, last(transcript(customer), "Text"), "the transcript keeps the same message");
            }
            operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "plain"));
            JsonObject plain = last(transcript(customer), "Text");
            assertNull(plain.getString("messageType"));
            assertFalse(plain.containsKey("treatAs"));
            operate(agent, customer.chatId(), Map.of("operationName", "Complete", "text", "Goodbye",
                    "messageType", "Closing", "treatAs", "Normal"));

            JsonObject closing = last(transcript(customer), "Text");
            assertEquals("Goodbye", closing.getString("text"));
            assertEquals("Closing", closing.getString("messageType"));
            assertEquals("Normal", closing.getString("treatAs"));
        }
    }

    @Test
    void leaveAndRemoveParticipantPostTheirTexts() {
        Agent host = Parley.readyAgent("remover");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
            Agent guest = Parley.readyAgent("removed");
            try (SseClient guestStream = SseClient.connect(Parley.sseUrl(), guest.token(), null)) {
                operate(host, customer.chatId(), Map.of("operationName", "Invite", "targetUri", guest.uri()));
                guestStream.nextOfType("StatusChange");
                operate(guest, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Guest"));

                operate(host, customer.chatId(), Map.of("operationName", "RemoveParticipantFromConference",
                        "targetUri", guest.uri(), "text", "Thank you, Guest", "messageType", "Farewell"));

                JsonArray messages = transcript(customer);
                JsonObject said = last(messages, "Text");
                assertEquals("Thank you, Guest", said.getString("text"));
                assertEquals("Farewell", said.getString("messageType"));
                assertEquals("Host", said.getJsonObject("from").getString("nickname"));
                assertEquals("Guest", last(messages, "ParticipantLeft").getJsonObject("from").getString("nickname"));
            }
            operate(host, customer.chatId(), Map.of("operationName", "Leave", "text", "Stepping away",
                    "treatAs", "System"));

            JsonObject parting = last(transcript(customer), "Text");
            assertEquals("Stepping away", parting.getString("text"));
            assertEquals("System", parting.getString("treatAs"));
            as(customer.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + customer.chatId());
            operate(host, customer.chatId(), Map.of("operationName", "Complete"));
        }
    }

    private static Customer startChatAs(String contactId) {
        var reply = given().contentType(ContentType.JSON)
                .body(Map.of("nickname", "Returning", "userData", Map.of("ContactId", contactId)))
                .post("/api/v2/chats");
        reply.then().statusCode(200);
        return new Customer(reply.path("chatId"), reply.path("participantId"), reply.path("token"));
    }

    private static void awaitOnDesk(Agent agent, Customer customer) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> as(agent.token()).get("/api/v2/me/chats/" + customer.chatId()).statusCode() == 200);
    }

    @Test
    void saveLarSendsTheCustomersNextChatToTheSameAgentFirst() {
        String contact = "contact-" + UUID.randomUUID();
        Agent last = Parley.readyAgent("lastagent");
        Customer first = startChatAs(contact);
        awaitOnDesk(last, first);
        operate(last, first.chatId(), Map.of("operationName", "Accept", "nickname", "Last", "saveLAR", true));
        operate(last, first.chatId(), Map.of("operationName", "Complete", "saveLAR", "true"));
        as(first.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + first.chatId());
        // the last agent now carries a chat, so least-loaded routing alone would pick the idle agent
        Customer other = Parley.startChat("Other");
        awaitOnDesk(last, other);
        operate(last, other.chatId(), Map.of("operationName", "Accept", "nickname", "Last"));
        Agent idle = Parley.readyAgent("idleagent");

        Customer again = startChatAs(contact);

        awaitOnDesk(last, again);
        assertEquals(404, as(idle.token()).get("/api/v2/me/chats/" + again.chatId()).statusCode());
        for (Customer customer : List.of(other, again)) {
            as(customer.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + customer.chatId());
        }
        operate(last, other.chatId(), Map.of("operationName", "Complete"));
    }
}
