package io.parley.push;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.ShortOffers;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** The asynchronous outcomes of an Invite (docs/api.md §5 steps 4 and 6): each an Error to the inviter. */
@QuarkusTest
@TestProfile(ShortOffers.class)
class OfferAnswerFlowTest {

    @Inject
    Sweeps sweeps;

    private final List<SseClient> opened = new ArrayList<>();

    @AfterEach
    void signOut() {
        opened.forEach(SseClient::close);
        Parley.endSessions();
    }

    private SseClient open(Agent agent) {
        SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null);
        opened.add(stream);
        return stream;
    }

    private record Scene(Agent host, SseClient hostStream, Customer customer, Agent guest, SseClient guestStream) {
    }

    /** The host holds FirstL's chat; the guest gets Ready only then, so that the chat was routed to the host. */
    private Scene scene() {
        Agent host = Parley.readyAgent("a");
        SseClient hostStream = open(host);
        Customer customer = InviteFlowTestAccess.chattingWith(host, hostStream);
        Agent guest = Parley.readyAgent("b");
        return new Scene(host, hostStream, customer, guest, open(guest));
    }

    private static int invite(Agent inviter, Customer customer, Agent target) {
        return operate(inviter, customer.chatId(), Map.of("operationName", "Invite", "targetUri", target.uri()));
    }

    private static void assertError(JsonObject notification, int referenceId, String chatId) {
        assertEquals("Error", notification.getString("notificationType"));
        assertEquals("ChatStateChangeMessage", notification.getString("messageType"));
        assertEquals(referenceId, notification.getInteger("referenceId"));
        assertFalse(notification.getString("errorMessage").isBlank());
        assertEquals(chatId, notification.getJsonObject("chat").getString("id"));
        assertEquals("Chatting", notification.getJsonObject("chat").getString("state"));
    }

    @Test
    void anAgentNotLoggedInToTheChatChannelIsReported() {
        Agent a = Parley.readyAgent("a");
        Agent absent = Parley.createAgent("absent");
        try (SseClient aStream = SseClient.connect(Parley.sseUrl(), a.token(), null)) {
            Customer customer = InviteFlowTestAccess.chattingWith(a, aStream);
            int referenceId = invite(a, customer, absent);
            JsonObject error = aStream.next().json();
            assertError(error, referenceId, customer.chatId());
            assertTrue(error.getString("errorMessage").contains("logged in"), error.getString("errorMessage"));
            as(a.token()).get("/api/v2/me/chats/" + customer.chatId()).then().statusCode(200);
            as(absent.token()).get("/api/v2/me/chats/" + customer.chatId()).then().statusCode(404);
        }
    }

    @Test
    void aRejectedInviteIsReportedWithItsReferenceId() {
        Scene scene = scene();
        int referenceId = invite(scene.host(), scene.customer(), scene.guest());
        scene.guestStream().nextOfType("StatusChange");
        operate(scene.guest(), scene.customer().chatId(), Map.of("operationName", "Reject"));

        assertError(scene.hostStream().next().json(), referenceId, scene.customer().chatId());
        JsonObject declined = scene.guestStream().nextOfType("StatusChange").json();
        assertEquals("Completed", declined.getJsonObject("chat").getString("state"));
        as(scene.host().token()).get("/api/v2/me/chats/" + scene.customer().chatId()).then()
                .body("chat.participants.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void anUnansweredInviteLapsesWithinTwoSecondsOfItsDeadline() {
        Scene scene = scene();
        long invitedAt = System.currentTimeMillis();
        int referenceId = invite(scene.host(), scene.customer(), scene.guest());
        assertEquals("Invited", scene.guestStream().nextOfType("StatusChange").json().getJsonObject("chat").getString("state"));

        JsonObject error = scene.hostStream().next(Duration.ofMillis(ShortOffers.TIMEOUT_MILLIS + 5_000)).json();
        long firedAfter = System.currentTimeMillis() - invitedAt;
        assertError(error, referenceId, scene.customer().chatId());
        assertTrue(firedAfter >= ShortOffers.TIMEOUT_MILLIS, "not before the deadline: " + firedAfter);
        assertTrue(firedAfter <= ShortOffers.TIMEOUT_MILLIS + 2_000, "within 2 s of it: " + firedAfter);

        JsonObject revoked = scene.guestStream().nextOfType("StatusChange").json();
        assertEquals("Revoked", revoked.getJsonObject("chat").getString("state"));
        assertEquals(List.of(), revoked.getJsonObject("chat").getJsonArray("capabilities").getList());
        as(scene.guest().token()).body(Map.of("operationName", "Accept", "nickname", "Late"))
                .post("/api/v2/me/chats/" + scene.customer().chatId()).then().statusCode(404);
    }

    @Test
    void aLapsedOfferFiresExactlyOnceWhateverTheNumberOfSweepers() throws Exception {
        Scene scene = scene();
        int referenceId = invite(scene.host(), scene.customer(), scene.guest());
        scene.guestStream().nextOfType("StatusChange");

        // four more sweepers racing the scheduled one until well past the deadline
        ExecutorService sweepers = Executors.newFixedThreadPool(4);
        long until = System.currentTimeMillis() + ShortOffers.TIMEOUT_MILLIS + 1_500;
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(sweepers.submit(() -> {
                while (System.currentTimeMillis() < until) {
                    sweeps.expireOffers();
                }
            }));
        }
        for (Future<?> sweeper : running) {
            sweeper.get();
        }
        sweepers.shutdown();

        assertError(scene.hostStream().next().json(), referenceId, scene.customer().chatId());
        assertEquals("Revoked", scene.guestStream().nextOfType("StatusChange").json().getJsonObject("chat").getString("state"));
        assertEquals(List.of(), scene.hostStream().drain(Duration.ofMillis(1_500)), "the inviter is told once");
        assertEquals(List.of(), scene.guestStream().drain(Duration.ofMillis(300)), "the invitee is revoked once");
    }
}
