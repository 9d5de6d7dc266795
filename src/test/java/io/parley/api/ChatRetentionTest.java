package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.ShortChatRetention;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * After Complete the chat and its transcript stay readable to the agents who handled it, for the retention
 * (parley.chat.retention, here two seconds), then they are gone; nobody else ever reads them.
 */
@QuarkusTest
@TestProfile(ShortChatRetention.class)
class ChatRetentionTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void anEndedChatIsReadableToItsAgentUntilItsRetentionRunsOut() throws InterruptedException {
        Agent agent = Parley.readyAgent("retained");
        Agent stranger = Parley.createAgent("stranger");
        String chat;
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(agent, stream, "Keeper");
            chat = "/api/v2/me/chats/" + customer.chatId();
            operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "Goodbye"));
            operate(agent, customer.chatId(), Map.of("operationName", "Complete"));
        }

        as(agent.token()).get(chat).then().statusCode(200)
                .body("chat.state", equalTo("Completed"))
                .body("chat.capabilities", empty());
        as(agent.token()).get(chat + "/messages").then().statusCode(200)
                .body("messages.text", not(empty()))
                .body("messages.findAll { it.text == 'Goodbye' }.text", contains("Goodbye"));
        as(stranger.token()).get(chat).then().statusCode(404).body("statusCode", equalTo(6));
        as(stranger.token()).get(chat + "/messages").then().statusCode(404);

        // the expiry is Redis's: wait for it, far longer than the retention if the machine is slow
        long deadline = System.currentTimeMillis() + ShortChatRetention.RETENTION_MILLIS + 20_000;
        int status = 200;
        while (status != 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            status = as(agent.token()).get(chat).statusCode();
        }
        assertEquals(404, status, "the chat is gone after its retention");
        as(agent.token()).get(chat + "/messages").then().statusCode(404).body("statusCode", equalTo(6));
    }
}
