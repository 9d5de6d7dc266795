package io.parley.api;

import static io.parley.support.Parley.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * A customer chat with its agent: the stage refusals are played on. {@link #state()} is everything a refused
 * request must leave as it was.
 */
final class ChatScene implements AutoCloseable {

    final Agent agent;
    final Customer customer;
    final String adminToken;
    /** The test port at creation: after the last test RestAssured no longer points at the app. */
    private final int port = RestAssured.port;
    private SseClient agentStream;
    private SseClient customerStream;

    private ChatScene(Agent agent, Customer customer) {
        this.agent = agent;
        this.customer = customer;
        this.adminToken = Parley.adminToken();
    }

    /** The chat offered to a fresh agent, who has not answered yet and takes no other chat. */
    static ChatScene offered(String name) {
        Agent agent = Parley.readyAgent(name);
        Customer customer = Parley.startChat(name + "Customer");
        // another chat still queued from earlier tests may reach this agent first: wait for this one
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> as(agent.token()).get("/api/v2/me/chats/" + customer.chatId()).statusCode() == 200);
        return new ChatScene(agent, customer).declineOtherOffers();
    }

    /** The chat accepted: the agent is Chatting with the customer. */
    static ChatScene chatting(String name) {
        ChatScene scene = offered(name);
        Parley.operate(scene.agent, scene.chatId(), Map.of("operationName", "Accept", "nickname", name));
        return scene;
    }

    /**
     * Leaves the agent NotReady with nothing but this chat on the desk: an offer of another chat would later time
     * out and notify the agent in the middle of a test.
     */
    ChatScene declineOtherOffers() {
        Parley.notReady(agent);
        List<String> others = as(agent.token()).get("/api/v2/me/chats?fields=*").then().statusCode(200).extract()
                .jsonPath().getList("chats.findAll { it.state == 'Invited' }.id", String.class);
        others.stream().filter(id -> !id.equals(chatId())).forEach(id -> Parley.operate(agent, id,
                Map.of("operationName", "Reject")));
        return this;
    }

    String token(Call.Caller caller) {
        return switch (caller) {
            case NOBODY -> null;
            case ADMIN -> adminToken;
            case AGENT -> agent.token();
            case CUSTOMER -> customer.token();
            case OUTSIDER, STRANGER -> throw new IllegalArgumentException(caller + " is not part of the scene");
        };
    }

    int port() {
        return port;
    }

    String chatId() {
        return customer.chatId();
    }

    String agentChat() {
        return "/api/v2/me/chats/" + chatId();
    }

    String customerChat() {
        return "/api/v2/chats/" + chatId();
    }

    /** The user list, the agent's session, both views of the chat and both transcripts. */
    String state() {
        Response customerView = as(customer.token()).get(customerChat());
        assertEquals(200, customerView.statusCode(), "the chat is there to compare: " + customerView.asString());
        return String.join("\n",
                read(as(adminToken).get("/api/v2/users")),
                read(as(agent.token()).get("/api/v2/me")),
                read(as(agent.token()).get(agentChat())),
                read(as(agent.token()).get(agentChat() + "/messages")),
                read(customerView),
                read(as(customer.token()).get(customerChat() + "/messages")));
    }

    private static String read(Response reply) {
        return reply.statusCode() + " " + reply.asString();
    }

    /** Opens the agent's and the customer's notification streams, to show later that they stayed quiet. */
    ChatScene listen() {
        agentStream = SseClient.connect(Parley.sseUrl(), agent.token(), null);
        customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null);
        assertEquals(200, agentStream.status());
        return this;
    }

    /** A refusal is committed nowhere, so no notification can follow it. */
    void assertQuiet() {
        // the notifications of a request are committed before its reply: on loopback they follow within milliseconds
        List<SseClient.Event> toAgent = agentStream.drain(Duration.ofMillis(100));
        List<SseClient.Event> toCustomer = customerStream.drain(Duration.ofMillis(20));
        assertTrue(toAgent.isEmpty(), "the agent was notified: " + toAgent);
        assertTrue(toCustomer.isEmpty(), "the customer was notified: " + toCustomer);
    }

    /**
     * {@code request}, sent in this scene, is refused with {@code statusCode}; the scene is as it was and nobody
     * was notified. {@code context} names the row in a failure.
     */
    void assertRefusedUnchanged(Object context, Supplier<Response> request, int statusCode) {
        String before = state();

        Refusals.assertRefused(context, request.get(), statusCode);

        assertEquals(before, state(), "nothing changed");
        assertQuiet();
    }

    SseClient agentStream() {
        return agentStream;
    }

    /** Ends the chat, so that it is never offered to another test's agent. */
    @Override
    public void close() {
        if (agentStream != null) {
            agentStream.close();
            customerStream.close();
        }
        as(customer.token()).port(port).body(Map.of("operationName", "Leave")).post(customerChat());
        as(agent.token()).port(port).body(Map.of("operationName", "Complete")).post(agentChat());
    }
}
