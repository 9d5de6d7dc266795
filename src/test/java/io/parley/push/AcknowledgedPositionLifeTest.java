package io.parley.push;

import static io.parley.support.LongPoll.ack;
import static io.parley.support.LongPoll.deliveredIds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.LongPoll;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.ShortRetention;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A user's acknowledged position outlives the retention age for as long as one of their desktops is connected. */
@QuarkusTest
@TestProfile(ShortRetention.class)
class AcknowledgedPositionLifeTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    /**
     * A desktop connected and idle for longer than the retention age (its position never moves) is sent a
     * notification and crashes before acknowledging it: its next handshake still gets it.
     */
    @Test
    void anIdleDesktopKeepsItsUsersPositionAlive() {
        Agent agent = Parley.readyAgent("idler");
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            LongPoll idle = LongPoll.subscribed(agent.token(), true);
            long batch = ack(idle.connect(0L));
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until) {
                batch = ack(idle.connectAndWait(batch));
            }
            Customer firstL = Parley.startChat("FirstL");
            String offer = sse.nextOfType("StatusChange").id();
            assertEquals(List.of(offer), deliveredIds(idle.connect(batch)));

            LongPoll back = LongPoll.subscribed(agent.token(), true);
            assertEquals(List.of(offer), deliveredIds(back.connect(0L)));
            CometdAcknowledgementTest.leave(firstL);
        }
    }
}
