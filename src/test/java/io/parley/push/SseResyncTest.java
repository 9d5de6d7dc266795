package io.parley.push;

import static io.parley.support.Parley.customerOperate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.api.InviteFlowTestAccess;
import io.parley.chat.Recipient;
import io.parley.store.Keys;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisProbe;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that comes back with an id whose successors were already trimmed from its log is told so before it gets
 * what is still retained (the README's {@code event: resync}); a client whose successors are all retained is not.
 * The log is trimmed from outside, as retention would trim it, with an exact MAXLEN.
 */
@QuarkusTest
class SseResyncTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @Inject
    Keys keys;

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void aReturningClientIsToldWhenWhatItMissedWasTrimmed() {
        Agent agent = Parley.readyAgent("resyncing");
        List<String> sent;
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTestAccess.chattingWith(agent, stream);
            // no other chat may be offered from here on: the log's newest entries are this test's
            Parley.notReady(agent);
            customerOperate(customer, Map.of("operationName", "SendMessage", "text", "first"));
            customerOperate(customer, Map.of("operationName", "SendMessage", "text", "second"));
            sent = List.of(stream.nextOfType("NewMessages").id(), stream.nextOfType("NewMessages").id());
        }
        String log = keys.log(Recipient.agent(agent.id()));
        // the offer, the Accept's StatusChange and history go; the two messages stay
        List<String> trimmed = RedisProbe.command(redisHosts, "XTRIM", log, "MAXLEN", "2");
        assertTrue(trimmed.size() == 1 && Integer.parseInt(trimmed.get(0).substring(1)) >= 3, trimmed.toString());
        String trimmedUpTo = RedisProbe.command(redisHosts, "XINFO", "STREAM", log).toString();

        try (SseClient missedTrimmed = SseClient.connect(Parley.sseUrl(), agent.token(), "0-1")) {
            SseClient.Event first = missedTrimmed.next();
            assertEquals("resync", first.event(), "first event after an id whose successors were trimmed: "
                    + first + " (log: " + trimmedUpTo + ")");
            assertEquals(sent, List.of(missedTrimmed.next().id(), missedTrimmed.next().id()),
                    "then everything still retained");
            assertEquals(List.of(), missedTrimmed.drain(Duration.ofMillis(300)));
        }
        try (SseClient missedNothingTrimmed = SseClient.connect(Parley.sseUrl(), agent.token(), sent.get(0))) {
            SseClient.Event first = missedNothingTrimmed.next();
            assertEquals(sent.get(1), first.id(), "no resync when everything after the id is retained: " + first);
            assertEquals(List.of(), missedNothingTrimmed.drain(Duration.ofMillis(300)));
        }
    }
}
