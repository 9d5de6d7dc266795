package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/** Every synchronous check of docs/api.md §5 step 2: the statusCode, and the chat exactly as it was. */
@QuarkusTest
class InviteRefusalTest {

    private Agent inviter;
    private Customer customer;
    private SseClient inviterStream;

    @BeforeEach
    void chatting() {
        inviter = Parley.readyAgent("inviter");
        inviterStream = SseClient.connect(Parley.sseUrl(), inviter.token(), null);
        customer = InviteFlowTest.chattingWith(inviter, inviterStream, "Inviter");
    }

    @AfterEach
    void signOut() {
        inviterStream.close();
        Parley.endSessions();
    }

    private String chatPath() {
        return "/api/v2/me/chats/" + customer.chatId();
    }

    private String snapshot() {
        return as(inviter.token()).get(chatPath()).asString() + as(inviter.token()).get(chatPath() + "/messages").asString();
    }

    /** Invites with {@code body}, expects the refusal, and checks nothing changed and nobody was told. */
    private void refused(String token, Map<String, ?> body, int httpStatus, int statusCode) {
        String before = snapshot();
        int lastReference = operate(inviter, customer.chatId(), Map.of("operationName", "SetInFocus"));
        as(token).body(body).post(chatPath()).then()
                .statusCode(httpStatus)
                .body("statusCode", equalTo(statusCode))
                .body("statusMessage", not(emptyOrNullString()));
        assertEquals(before, snapshot());
        assertEquals(lastReference + 1, operate(inviter, customer.chatId(), Map.of("operationName", "SetInFocus")),
                "a refused request takes no referenceId");
        assertTrue(inviterStream.drain(Duration.ofMillis(300)).isEmpty(), "a refused request notifies nobody");
    }

    private static Map<String, String> invite(String targetUri) {
        return Map.of("operationName", "Invite", "targetUri", targetUri);
    }

    @Test
    void unknownTargetIsNotFound() {
        refused(inviter.token(), invite("http://localhost:8080/api/v2/users/0123456789abcdef0123456789abcdef"), 404, 6);
    }

    @Test
    void missingTargetIsAMissingParameter() {
        refused(inviter.token(), Map.of("operationName", "Invite"), 400, 1);
    }

    @Test
    void malformedTargetsAreInvalidInput() {
        refused(inviter.token(), invite("http://localhost:8080/api/v2/chats/" + customer.chatId()), 400, 10);
        refused(inviter.token(), invite("http://localhost:8080/api/v2/users/*"), 400, 10);
        refused(inviter.token(), invite("not a uri at all"), 400, 10);
        refused(inviter.token(), Map.of("operationName", "Invite", "targetUri", 42), 400, 10);
    }

    @Test
    void aParticipantOrInviteeCannotBeInvitedAgain() {
        refused(inviter.token(), invite(inviter.uri()), 409, 2);
        Agent invitee = Parley.readyAgent("invitee");
        operate(inviter, customer.chatId(), invite(invitee.uri()));
        inviterStream.drain(Duration.ofMillis(200));
        refused(inviter.token(), invite(invitee.uri()), 409, 2);
    }

    @Test
    void theChatHoldsAtMostTheConfiguredParties() {
        // customer + inviter + four pending invitees = 6, the default limit
        for (int i = 0; i < 4; i++) {
            operate(inviter, customer.chatId(), invite(Parley.readyAgent("guest" + i).uri()));
        }
        inviterStream.drain(Duration.ofMillis(200));
        refused(inviter.token(), invite(Parley.readyAgent("one-too-many").uri()), 409, 2);
    }

    @Test
    void anAgentOutsideTheChatFindsNoChat() {
        Agent stranger = Parley.readyAgent("stranger");
        Agent target = Parley.readyAgent("target");
        refused(stranger.token(), invite(target.uri()), 404, 6);
    }

    @Test
    void anInviteeWhoHasNotAcceptedCannotInvite() {
        Agent invitee = Parley.readyAgent("pending");
        operate(inviter, customer.chatId(), invite(invitee.uri()));
        inviterStream.drain(Duration.ofMillis(200));
        refused(invitee.token(), invite(Parley.readyAgent("third").uri()), 404, 6);
    }

    @Test
    void anUnauthenticatedCallerIsRefused() {
        refused("not-a-token", invite(Parley.readyAgent("anyone").uri()), 401, 20);
    }
}
