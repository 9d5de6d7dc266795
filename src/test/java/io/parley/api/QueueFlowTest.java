package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Named queues through the real interfaces (the test profile configures "sales" and "vip" besides the default):
 * Transfer{queueName} (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer), Consult of a
 * queue targetUri (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatConsult), Complete{queueName}
 * (https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete: the agent's StatusChange Completed), and the
 * chat's receivedDate (https://docs.genesys.com/Documentation:HTCC:API:WorkbinAddInteractionToGW:8.5.2).
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class QueueFlowTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    private static String chatPath(Customer customer) {
        return "/api/v2/me/chats/" + customer.chatId();
    }

    private static boolean onDesk(Agent agent, Customer customer) {
        return as(agent.token()).get(chatPath(customer)).statusCode() == 200;
    }

    private static JsonObject chatOf(Agent agent, Customer customer) {
        return new JsonObject(as(agent.token()).get(chatPath(customer)).then().statusCode(200).extract().asString())
                .getJsonObject("chat");
    }

    private static JsonArray messages(SseClient stream) {
        return stream.nextOfType("NewMessages").json().getJsonArray("messages");
    }

    @Test
    void theAdministratorSetsTheQueuesAnAgentServes() {
        Agent seller = Parley.createAgent("seller", List.of("sales", "vip"));

        JsonObject user = new JsonObject(as(Parley.adminToken()).get("/api/v2/users/" + seller.id()).asString())
                .getJsonObject("user");

        assertEquals(new JsonArray(List.of("sales", "vip")), user.getJsonArray("queues"));
        Refusals.assertRefused("an unconfigured queue", as(Parley.adminToken()).body(Map.of("userName",
                Parley.uniqueName("nobody"), "password", "password-x", "queues", List.of("nosuch")))
                .post("/api/v2/users"), Refusals.NOT_FOUND);
    }

    @Test
    void transferToAQueueGoesToAnAgentOfThatQueueOnlyAndTimeInQueueShows() {
        Agent first = Parley.readyAgent("first");
        try (SseClient firstStream = SseClient.connect(Parley.sseUrl(), first.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(first, firstStream, "First");
            String startedAt = chatOf(first, customer).getString("receivedDate");
            assertNotNull(startedAt, "a chat shows when it entered the queue");
            Agent generalist = Parley.readyAgent("generalist");
            Agent seller = Parley.readyAgent("seller", List.of("sales"));
            try (SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null);
                    SseClient sellerStream = SseClient.connect(Parley.sseUrl(), seller.token(), null)) {
                operate(first, customer.chatId(), Map.of("operationName", "Transfer", "queueName", "sales",
                        "text", "Sales will take it from here", "treatAs", "System"));

                JsonObject completed = firstStream.nextOfType("StatusChange").json().getJsonObject("chat");
                assertEquals("Completed", completed.getString("state"));
                JsonArray said = messages(customerStream);
                assertEquals("Sales will take it from here", said.getJsonObject(0).getString("text"));
                assertEquals("System", said.getJsonObject(0).getString("treatAs"));
                JsonObject left = said.getJsonObject(1);
                assertEquals("ParticipantLeft", left.getString("type"));
                JsonObject offer = sellerStream.nextOfType("StatusChange").json().getJsonObject("chat");
                assertEquals(customer.chatId(), offer.getString("id"));
                assertEquals("Invited", offer.getString("state"));
                assertEquals(left.getString("timestamp"), offer.getString("receivedDate"),
                        "time in queue counts from the transfer");
                assertFalse(onDesk(generalist, customer), "an agent of the default queue is not offered it");
                assertEquals("Chatting", new JsonObject(as(customer.token()).get("/api/v2/chats/"
                        + customer.chatId()).asString()).getJsonObject("chat").getString("state"),
                        "the customer waits in the chat");

                operate(seller, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Seller"));

                assertEquals("ParticipantJoined", messages(customerStream).getJsonObject(0).getString("type"));
            } finally {
                as(customer.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + customer.chatId());
            }
        }
    }

    @Test
    void completeWithAQueueNamePlacesTheChatInThatQueue() {
        Agent first = Parley.readyAgent("closer");
        try (SseClient firstStream = SseClient.connect(Parley.sseUrl(), first.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(first, firstStream, "Closer");
            Agent vip = Parley.readyAgent("vip", List.of("vip"));

            operate(first, customer.chatId(), Map.of("operationName", "Complete", "queueName", "vip"));

            assertEquals("Completed", firstStream.nextOfType("StatusChange").json().getJsonObject("chat")
                    .getString("state"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> onDesk(vip, customer));
            assertEquals("Invited", chatOf(vip, customer).getString("state"));
            // done with it: it reads as Completed (for the retention period), not as the queued chat it now is
            assertEquals("Completed", as(first.token()).get(chatPath(customer)).then().statusCode(200).extract()
                    .path("chat.state"));
            as(customer.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + customer.chatId());
        }
    }

    @Test
    void consultingAQueueBringsOneOfItsAgentsInHiddenFromTheCustomer() {
        Agent host = Parley.readyAgent("qhost");
        try (SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
            Agent expert = Parley.readyAgent("qexpert", List.of("sales"));
            try (SseClient expertStream = SseClient.connect(Parley.sseUrl(), expert.token(), null);
                    SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null)) {
                int referenceId = operate(host, customer.chatId(), Map.of("operationName", "Consult",
                        "targetUri", "http://localhost:8080/api/v2/queues/sales"));

                JsonObject offer = expertStream.nextOfType("StatusChange").json();
                assertEquals(referenceId, offer.getInteger("referenceId"), "the offer answers the Consult");
                operate(expert, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Expert"));

                JsonObject updated = hostStream.nextOfType("ParticipantsUpdated").json().getJsonObject("chat");
                JsonObject consultant = updated.getJsonArray("participants").stream().map(JsonObject.class::cast)
                        .filter(p -> "Expert".equals(p.getString("nickname"))).findFirst().orElseThrow();
                assertEquals("Agents", consultant.getString("visibility"));
                assertTrue(customerStream.drain(Duration.ofMillis(200)).isEmpty(), "the customer learns nothing");
            } finally {
                as(customer.token()).body(Map.of("operationName", "Leave")).post("/api/v2/chats/" + customer.chatId());
            }
        }
    }
}
