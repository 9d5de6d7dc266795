package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.customerOperate;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.LargeConference;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Twenty agents invited into one chat at once while the customer and the host keep talking: every accepted
 * request is in the chat, in the transcript and in every recipient's log, in one order for all.
 */
@QuarkusTest
@TestProfile(LargeConference.class)
class ConferenceRaceTest {

    private static final int GUESTS = 20;
    private static final int MESSAGES = 20;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void racingInvitesAcceptsAndMessagesLoseNothing() throws Exception {
        Agent host = Parley.readyAgent("host");
        List<SseClient> streams = new ArrayList<>();
        SseClient hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
        Customer customer = InviteFlowTest.chattingWith(host, hostStream, "Host");
        // the guests get Ready only now, so that the customer's chat was routed to the host
        List<Agent> guests = IntStream.range(0, GUESTS).mapToObj(i -> Parley.readyAgent("guest" + i)).toList();
        SseClient customerStream = SseClient.connect(Parley.sseUrl(), customer.token(), null);
        List<SseClient> guestStreams = guests.stream()
                .map(guest -> SseClient.connect(Parley.sseUrl(), guest.token(), null)).toList();
        streams.add(hostStream);
        streams.add(customerStream);
        streams.addAll(guestStreams);

        ExecutorService pool = Executors.newFixedThreadPool(2 * GUESTS + 2);
        List<Callable<Object>> work = new ArrayList<>();
        Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < GUESTS; i++) {
            Agent guest = guests.get(i);
            SseClient guestStream = guestStreams.get(i);
            work.add(() -> operate(host, customer.chatId(), Map.of("operationName", "Invite", "targetUri", guest.uri())));
            work.add(() -> {
                guestStream.nextOfType("StatusChange");
                return operate(guest, customer.chatId(), Map.of("operationName", "Accept", "nickname", "Guest"));
            });
        }
        work.add(() -> {
            for (int m = 0; m < MESSAGES; m++) {
                customerOperate(customer, Map.of("operationName", "SendMessage", "text", "customer-" + m));
                sent.add("customer-" + m);
            }
            return null;
        });
        work.add(() -> {
            for (int m = 0; m < MESSAGES; m++) {
                operate(host, customer.chatId(), Map.of("operationName", "SendMessage", "text", "host-" + m));
                sent.add("host-" + m);
            }
            return null;
        });
        for (Future<Object> done : pool.invokeAll(work)) {
            done.get();
        }
        pool.shutdown();

        JsonPath chat = as(host.token()).get("/api/v2/me/chats/" + customer.chatId()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(GUESTS + 2, chat.getList("chat.participants").size());

        JsonPath transcript = as(host.token()).get("/api/v2/me/chats/" + customer.chatId() + "/messages").then()
                .statusCode(200).extract().jsonPath();
        List<Integer> indexes = transcript.getList("messages.index", Integer.class);
        int last = indexes.size();
        assertEquals(IntStream.rangeClosed(1, last).boxed().toList(), indexes, "one gapless order");
        assertEquals(sent, new HashSet<>(transcript.getList("messages.findAll { it.type == 'Text' }.text", String.class)));
        assertEquals(GUESTS + 2, transcript.getList("messages.findAll { it.type == 'ParticipantJoined' }").size());

        // the host saw every message after its own join (index 2), each once, in index order
        assertEquals(IntStream.rangeClosed(3, last).boxed().toList(), indexesSeen(hostStream, Duration.ofMillis(1_500)));
        assertEquals(IntStream.rangeClosed(3, last).boxed().toList(), indexesSeen(customerStream, Duration.ofMillis(200)));
        for (SseClient guestStream : guestStreams) {
            List<Integer> seen = indexesSeen(guestStream, Duration.ofMillis(200));
            // a guest gets the history up to its join at once, then every later message
            assertEquals(IntStream.rangeClosed(1, last).boxed().toList(), seen);
        }
        streams.forEach(SseClient::close);
    }

    /** The message indexes of every NewMessages a stream delivers until it goes quiet, in delivery order. */
    private static List<Integer> indexesSeen(SseClient stream, Duration quiet) {
        List<Integer> indexes = new ArrayList<>();
        for (SseClient.Event event : stream.drain(quiet)) {
            JsonObject notification = event.json();
            if ("NewMessages".equals(notification.getString("notificationType"))) {
                notification.getJsonArray("messages")
                        .forEach(message -> indexes.add(((JsonObject) message).getInteger("index")));
            }
        }
        return indexes;
    }
}
