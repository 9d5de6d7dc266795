package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.CometdClient;
import io.parley.support.CometdClient.Received;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SeedCapabilities;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A consultation through the real interfaces: the consultant's buttons (the capabilities a desktop builds them
 * from), and that the customer learns nothing of the consultant nor of the agents' talk, over REST, SSE and CometD
 * alike, while the agents see all of it.
 */
@QuarkusTest
class ConsultationTest {

    private static final String HIDDEN_ADVICE = "Offer the refund";
    private static final String BETWEEN_AGENTS = "Shall I?";
    private static final String TO_THE_CUSTOMER = "Yes, a refund";

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void theConsultantSeesItsOwnCapabilitiesAndTheCustomerNothingOfTheConsultation() {
        Agent host = Parley.readyAgent("host");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
            String chat = "/api/v2/me/chats/" + customer.chatId();
            Agent expert = Parley.readyAgent("expert");
            try (SseClient customerSse = SseClient.connect(Parley.sseUrl(), customer.token(), null);
                    CometdClient customerCometd = CometdClient.connect(Parley.sseUrl(), Transport.LONG_POLLING,
                            customer.token(), TokenIn.HEADER, false, "/v2/chats");
                    SseClient expertStream = SseClient.connect(Parley.sseUrl(), expert.token(), null)) {
                operate(host, customer.chatId(), Map.of("operationName", "Consult", "targetUri", expert.uri()));
                expertStream.nextOfType("StatusChange");
                operate(expert, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Expert"));

                JsonObject joined = expertStream.nextOfType("StatusChange").json().getJsonObject("chat");
                assertEquals("Chatting", joined.getString("state"));
                assertEquals(SeedCapabilities.CONSULTANT, joined.getJsonArray("capabilities").getList(),
                        "the consultant's capabilities as notified");
                assertEquals(SeedCapabilities.CONSULTANT,
                        as(expert.token()).get(chat).then().statusCode(200).extract().path("chat.capabilities"),
                        "the consultant's capabilities as read");

                operate(expert, customer.chatId(), Map.of("operationName", "SendMessage", "text", HIDDEN_ADVICE));
                operate(host, customer.chatId(), Map.of("operationName", "SendToAgents", "text", BETWEEN_AGENTS));
                operate(host, customer.chatId(), Map.of("operationName", "SendMessage", "text", TO_THE_CUSTOMER));

                // the customer's notifications: only the host's message, nothing of the consultation before it
                SseClient.Event overSse = customerSse.next();
                assertEquals(List.of(TO_THE_CUSTOMER), texts(overSse.json()), overSse.data());
                assertEquals(List.of(), customerSse.drain(Duration.ofMillis(300)), "nothing more to the customer");
                Received overCometd = customerCometd.next();
                assertEquals(overSse.id(), overCometd.id());
                assertEquals(overSse.json(), overCometd.json());
                assertEquals(List.of(), customerCometd.drain(Duration.ofMillis(300)), "nothing more over CometD");
            }

            JsonPath customerTranscript = as(customer.token()).get("/api/v2/chats/" + customer.chatId() + "/messages")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("ParticipantJoined", "ParticipantJoined", "Text"),
                    customerTranscript.getList("messages.type"), customerTranscript.prettify());
            assertEquals(List.of("FirstL", "Host", "Host"), customerTranscript.getList("messages.from.nickname"),
                    customerTranscript.prettify());
            assertEquals(List.of("All", "All", "All"), customerTranscript.getList("messages.visibility"));
            // indexes count every message of the chat: the customer sees the gap the consultation left
            assertEquals(List.of(1, 2, 6), customerTranscript.getList("messages.index"));
            JsonPath customerChat = as(customer.token()).get("/api/v2/chats/" + customer.chatId()).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of("FirstL", "Host"), customerChat.getList("chat.participants.nickname"),
                    customerChat.prettify());

            // the agents read the whole conversation, so what the customer missed was there to miss
            JsonPath hostTranscript = as(host.token()).get(chat + "/messages").then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(List.of(1, 2, 3, 4, 5, 6), hostTranscript.getList("messages.index"));
            assertEquals(List.of(HIDDEN_ADVICE, BETWEEN_AGENTS, TO_THE_CUSTOMER),
                    hostTranscript.getList("messages.findAll { it.type == 'Text' }.text"));
            assertEquals(List.of("FirstL", "Host", "Expert"), as(host.token()).get(chat).then().statusCode(200)
                    .extract().path("chat.participants.nickname"));
        }
    }

    private static List<String> texts(JsonObject notification) {
        JsonArray messages = notification.getJsonArray("messages");
        return messages.stream().map(JsonObject.class::cast).map(message -> message.getString("text")).toList();
    }
}
