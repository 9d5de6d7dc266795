package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.customerOperate;
import static io.parley.support.Parley.operate;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The customer chat from start to Accept and conversation, seen through the REST API and the SSE streams. */
@QuarkusTest
class ChatLifecycleTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void customerChatIsOfferedAcceptedAndCarriesMessagesBothWays() {
        Agent agent = Parley.readyAgent("alice");
        try (SseClient agentStream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = Parley.startChat("FirstL");

            JsonObject offer = agentStream.nextOfType("StatusChange").json();
            assertEquals("ChatStateChangeMessage", offer.getString("messageType"));
            assertEquals("Invited", offer.getJsonObject("chat").getString("state"));
            assertEquals(List.of("Accept", "Reject"), offer.getJsonObject("chat").getJsonArray("capabilities").getList());
            assertEquals(customer.chatId(), offer.getJsonObject("chat").getString("id"));

            try (SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null)) {
                int accepted = operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));

                JsonObject chatting = agentStream.nextOfType("StatusChange").json();
                assertEquals("Chatting", chatting.getJsonObject("chat").getString("state"));
                assertEquals(accepted, chatting.getInteger("referenceId"));
                JsonArray history = agentStream.nextOfType("NewMessages").json().getJsonArray("messages");
                assertEquals("ParticipantJoined", history.getJsonObject(history.size() - 1).getString("type"));
                assertEquals("TestName", history.getJsonObject(history.size() - 1).getJsonObject("from").getString("nickname"));

                JsonObject joined = customerStream.nextOfType("NewMessages").json();
                JsonObject joinedMessage = joined.getJsonArray("messages").getJsonObject(0);
                assertEquals("ParticipantJoined", joinedMessage.getString("type"));
                assertEquals("Agent", joinedMessage.getJsonObject("from").getString("type"));
                assertEquals("TestName", joinedMessage.getJsonObject("from").getString("nickname"));

                operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "How can I help?"));
                JsonObject toCustomer = customerStream.nextOfType("NewMessages").json().getJsonArray("messages").getJsonObject(0);
                assertEquals("Text", toCustomer.getString("type"));
                assertEquals("How can I help?", toCustomer.getString("text"));

                customerOperate(customer, Map.of("operationName", "SendMessage", "text", "My order is late"));
                JsonObject toAgent = agentStream.nextOfType("NewMessages").json();
                // the agent's own message comes back first, then the customer's
                if ("How can I help?".equals(toAgent.getJsonArray("messages").getJsonObject(0).getString("text"))) {
                    toAgent = agentStream.nextOfType("NewMessages").json();
                }
                assertEquals("My order is late", toAgent.getJsonArray("messages").getJsonObject(0).getString("text"));
                assertEquals("Customer", toAgent.getJsonArray("messages").getJsonObject(0).getJsonObject("from").getString("type"));
            }

            as(agent.token()).get("/api/v2/me/chats/" + customer.chatId() + "/messages").then()
                    .statusCode(200).body("statusCode", equalTo(0))
                    .body("messages.type", contains("ParticipantJoined", "ParticipantJoined", "Text", "Text"))
                    .body("messages.index", contains(1, 2, 3, 4))
                    .body("messages[3].text", equalTo("My order is late"));
            as(customer.token()).get("/api/v2/chats/" + customer.chatId() + "/messages").then()
                    .statusCode(200).body("messages.text", contains(null, null, "How can I help?", "My order is late"));
            as(agent.token()).get("/api/v2/me/chats?fields=*").then()
                    .statusCode(200).body("chats.id", contains(customer.chatId()))
                    .body("chats[0].state", equalTo("Chatting"));
        }
    }

    @Test
    void aReconnectingStreamReceivesExactlyWhatItMissed() {
        Agent agent = Parley.readyAgent("resume");
        Customer customer;
        String lastSeen;
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            customer = Parley.startChat("Resumer");
            stream.nextOfType("StatusChange");
            operate(agent, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Res"));
            stream.nextOfType("StatusChange");
            lastSeen = stream.nextOfType("NewMessages").id();
        }
        customerOperate(customer, Map.of("operationName", "SendStartTypingNotification"));
        customerOperate(customer, Map.of("operationName", "SendMessage", "text", "one"));
        customerOperate(customer, Map.of("operationName", "SendMessage", "text", "two"));

        try (SseClient resumed = SseClient.connect(Parley.sseUrl(), agent.token(), lastSeen)) {
            List<String> types = List.of(messageOf(resumed.next()).getString("type"),
                    messageOf(resumed.next()).getString("type"), messageOf(resumed.next()).getString("text"));
            assertEquals(List.of("TypingStarted", "Text", "two"), types);
            assertTrue(resumed.drain(Duration.ofMillis(700)).isEmpty(), "nothing is repeated or invented");
        }
    }

    private static JsonObject messageOf(SseClient.Event event) {
        assertEquals("/v2/me/chats", event.event());
        return event.json().getJsonArray("messages").getJsonObject(0);
    }
}
