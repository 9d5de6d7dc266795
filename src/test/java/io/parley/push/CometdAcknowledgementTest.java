package io.parley.push;

import static io.parley.support.LongPoll.ack;
import static io.parley.support.LongPoll.deliveredIds;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.LongPoll;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;

/**
 * The acknowledge extension when a client names a batch it was never sent, and what a later handshake of the same
 * user resumes from. Driven message by message, since a stock client only names batches it received.
 */
@QuarkusTest
class CometdAcknowledgementTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    /** A batch number from the future acknowledges nothing: nothing is sent again, and nothing is lost. */
    @Test
    void anAcknowledgementOfABatchNeverSentMovesNothing() {
        Agent agent = Parley.readyAgent("acker");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            LongPoll desk = LongPoll.subscribed(agent.token(), true);
            JsonArray empty = desk.connect(0L);
            Customer firstL = Parley.startChat("FirstL");
            String offer = sse.nextOfType("StatusChange").id();
            JsonArray offered = desk.connect(ack(empty));
            assertEquals(List.of(offer), deliveredIds(offered));

            JsonArray bogus = desk.connect(999_999L);
            assertEquals(List.of(), deliveredIds(bogus), "the offer was delivered, and 999999 names no batch");
            // the offer's batch was not acknowledged by it: a client that really lost it still gets it again
            JsonArray lost = desk.connect(ack(empty));
            assertEquals(List.of(offer), deliveredIds(lost));
            assertEquals(List.of(), deliveredIds(desk.connect(ack(lost))));
            leave(firstL);
        }
    }

    /**
     * A desktop of a user with no acknowledged position yet is sent a notification, names a batch it was never sent
     * and crashes: its next handshake starts where the first one did, and gets the notification and what follows.
     */
    @Test
    void aLaterHandshakeGetsWhatAnEarlierSessionNeverAcknowledged() {
        Agent agent = Parley.readyAgent("crasher");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            LongPoll crashing = LongPoll.subscribed(agent.token(), true);
            JsonArray empty = crashing.connect(0L);
            Customer firstL = Parley.startChat("FirstL");
            String offer = sse.nextOfType("StatusChange").id();
            assertEquals(List.of(offer), deliveredIds(crashing.connect(ack(empty))));
            crashing.connect(999_999L);

            LongPoll back = LongPoll.subscribed(agent.token(), true);
            JsonArray resumed = back.connect(0L);
            assertEquals(List.of(offer), deliveredIds(resumed), "resumes where the first session started");
            operate(agent, firstL.chatId(), Map.of("operationName", "Accept", "nickname", "Crasher"));
            List<String> accepted = List.of(sse.next().id(), sse.next().id());
            assertEquals(accepted, deliveredIds(back.connect(ack(resumed))));
            leave(firstL);
        }
    }

    /** The customer goes, so that no chat of this test is offered to the agents of the next. */
    static void leave(Customer customer) {
        Parley.customerOperate(customer, Map.of("operationName", "Leave"));
    }
}
