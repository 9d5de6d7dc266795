package io.parley.push;

import static io.parley.support.Parley.customerOperate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.api.JsonBody;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisProbe;
import io.parley.support.SseClient;
import io.parley.support.WakeUpConnection;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Notifications small enough travel inside the wake-up and reach the stream without the log being read back; a
 * large one is read from the log; a lost wake-up subscription makes every stream read again, so nothing is missed.
 */
@QuarkusTest
class CarriedNotificationsTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @ConfigProperty(name = "parley.redis.key-prefix")
    String keyPrefix;

    private Agent host;
    private SseClient hostStream;
    private Customer customer;

    @BeforeEach
    void hostChatsWithACustomer() {
        host = Parley.readyAgent("host");
        hostStream = SseClient.connect(Parley.sseUrl(), host.token(), null);
        customer = InviteFlowTestAccess.chattingWith(host, hostStream);
        hostStream.drain(Duration.ofMillis(200));
    }

    @AfterEach
    void signOut() {
        hostStream.close();
        Parley.endSessions();
    }

    @Test
    void smallNotificationsReachTheStreamWithoutReadingTheLog() throws Exception {
        List<String> seen = RedisProbe.monitor(redisHosts, () -> {
            for (int i = 1; i <= 3; i++) {
                say("carried " + i);
                assertEquals("carried " + i, text(hostStream.nextOfType("NewMessages")));
            }
        });

        assertTrue(seen.stream().anyMatch(line -> line.toUpperCase(Locale.ROOT).contains("\"EVALSHA\"")),
                "the monitor saw the commits");
        assertEquals(List.of(), readsOfHostLog(seen), "no read of the host's log");
    }

    @Test
    void aNotificationTooLargeToCarryIsReadFromTheLog() throws Exception {
        // the longest text a message may have makes a notification over the 16 KiB a wake-up carries
        String large = "x".repeat(JsonBody.MAX_TEXT);
        List<String> seen = RedisProbe.monitor(redisHosts, () -> {
            say(large);
            assertEquals(large, text(hostStream.nextOfType("NewMessages")));
            say("small again");
            assertEquals("small again", text(hostStream.nextOfType("NewMessages")));
        });

        assertEquals(1, readsOfHostLog(seen).size(), "one read for the large notification only");
    }

    @Test
    void aLostWakeUpSubscriptionLosesNothingAndRepeatsNothing() {
        say("before");
        assertEquals("before", text(hostStream.nextOfType("NewMessages")));

        WakeUpConnection.kill(redisHosts, keyPrefix + "wake");
        // sent while the app subscribes again (its first pause is 100 ms), and after
        for (int i = 1; i <= 5; i++) {
            say("during " + i);
        }
        List<String> received = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            received.add(text(hostStream.nextOfType("NewMessages")));
        }
        say("after");
        received.add(text(hostStream.nextOfType("NewMessages")));

        assertEquals(List.of("during 1", "during 2", "during 3", "during 4", "during 5", "after"), received);
        assertEquals(List.of(), hostStream.drain(Duration.ofMillis(500)), "nothing twice");
    }

    @Test
    void whatIsCommittedOnceAStreamSaysSubscribedReachesIt() {
        for (int i = 1; i <= 10; i++) {
            // connect() returns on the first line, ": subscribed"; the message is committed right after it
            try (SseClient fresh = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
                say("fresh " + i);
                assertEquals("fresh " + i, text(fresh.nextOfType("NewMessages")));
            }
        }
    }

    private void say(String text) {
        customerOperate(customer, Map.of("operationName", "SendMessage", "text", text));
    }

    private static String text(SseClient.Event event) {
        return event.json().getJsonArray("messages").getJsonObject(0).getString("text");
    }

    private List<String> readsOfHostLog(List<String> monitored) {
        String log = "\"" + keyPrefix + "log:{u:" + host.id() + "}\"";
        return monitored.stream().filter(line -> line.contains(log)).filter(line -> {
            String upper = line.toUpperCase(Locale.ROOT);
            return upper.contains("\"XRANGE\"") || upper.contains("\"XINFO\"");
        }).toList();
    }
}
