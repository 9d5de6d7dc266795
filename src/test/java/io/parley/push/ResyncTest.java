package io.parley.push;

import static io.parley.support.Parley.customerOperate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisProbe;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A stream that resumes with an id its log cannot place ({@code Last-Event-ID} newer than anything the log ever
 * issued) starts with {@code resync} and goes on from the newest entry, rather than waiting in silence for ids the
 * log has not reached.
 */
@QuarkusTest
class ResyncTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @ConfigProperty(name = "parley.redis.key-prefix")
    String keyPrefix;

    private Agent host;
    private Customer customer;

    @BeforeEach
    void hostChatsWithACustomer() {
        host = Parley.readyAgent("host");
        try (SseClient offers = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            customer = InviteFlowTestAccess.chattingWith(host, offers);
        }
    }

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void anIdAheadOfTheLogStartsWithResyncAndTheStreamFollowsOn() {
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), host.token(), "99999999999999-0")) {
            SseClient.Event first = stream.next();
            assertEquals("resync", first.event(), first.toString());
            say("after");
            assertEquals("after", text(stream.nextOfType("NewMessages")));
        }
    }

    @Test
    void anIdOfALogThatWasLostStartsWithResync() {
        String lastSeen;
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), host.token(), null)) {
            say("before");
            lastSeen = stream.nextOfType("NewMessages").id();
        }
        // what a Redis restarted without its data shows: the log is gone, and with it every id it issued
        assertEquals(List.of(":1"), RedisProbe.command(redisHosts, "DEL", keyPrefix + "log:{u:" + host.id() + "}"));

        try (SseClient stream = SseClient.connect(Parley.sseUrl(), host.token(), lastSeen)) {
            SseClient.Event first = stream.next();
            assertEquals("resync", first.event(), first.toString());
            say("after");
            assertEquals("after", text(stream.nextOfType("NewMessages")));
        }
    }

    private void say(String text) {
        customerOperate(customer, Map.of("operationName", "SendMessage", "text", text));
    }

    private static String text(SseClient.Event event) {
        return event.json().getJsonArray("messages").getJsonObject(0).getString("text");
    }
}
