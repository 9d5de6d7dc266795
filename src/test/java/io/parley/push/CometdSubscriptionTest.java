package io.parley.push;

import static io.parley.support.Parley.customerOperate;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.support.CometdClient;
import io.parley.support.CometdClient.TokenIn;
import io.parley.support.CometdClient.Transport;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Unsubscribing pauses delivery and subscribing again resumes where it paused, as the README promises. What the
 * server sends is recorded where the stock client receives it, before any listener: a client-side unsubscribe only
 * drops listeners, so only the wire shows whether the server paused.
 */
@QuarkusTest
class CometdSubscriptionTest {

    private static final String CHANNEL = "/v2/me/chats";

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void unsubscribingPausesDeliveryAndSubscribingAgainResumesWhereItPaused() throws Exception {
        Agent agent = Parley.readyAgent("pausing");
        List<String> onTheWire = new CopyOnWriteArrayList<>();
        try (SseClient sse = SseClient.connect(Parley.sseUrl(), agent.token(), null);
                CometdClient cometd = CometdClient.create(Parley.sseUrl(), Transport.LONG_POLLING, agent.token(),
                        TokenIn.HEADER, false)) {
            cometd.bayeux().addExtension(new ClientSession.Extension() {
                @Override
                public boolean rcv(ClientSession session, Message.Mutable message) {
                    onTheWire.add(message.getId());
                    return true;
                }
            });
            assertEquals(true, cometd.handshake().isSuccessful());
            assertEquals(true, cometd.subscribe(CHANNEL).isSuccessful());
            Customer customer = InviteFlowTestAccess.chattingWith(agent, sse);
            List<String> beforePause = List.of(cometd.next().id(), cometd.next().id(), cometd.next().id());
            assertEquals(beforePause, onTheWire, "the offer, the Accept's StatusChange and history");

            assertEquals(true, cometd.unsubscribe(CHANNEL).isSuccessful());
            customerOperate(customer, Map.of("operationName", "SendMessage", "text", "are you there?"));
            operate(agent, customer.chatId(), Map.of("operationName", "SendMessage", "text", "one moment"));
            List<String> committedMeanwhile = List.of(sse.nextOfType("NewMessages").id(),
                    sse.nextOfType("NewMessages").id());
            // a connect cycle passes while unsubscribed (the server answers connects at once when it has something)
            Thread.sleep(500);
            assertEquals(beforePause, onTheWire, "nothing is sent while unsubscribed");

            assertEquals(true, cometd.subscribe(CHANNEL).isSuccessful());
            List<String> resumed = new ArrayList<>();
            resumed.add(cometd.next().id());
            resumed.add(cometd.next().id());
            assertEquals(committedMeanwhile, resumed, "resumed where it paused, in order");
            assertEquals(List.of(), cometd.drain(Duration.ofMillis(300)), "nothing twice");
        }
    }
}
