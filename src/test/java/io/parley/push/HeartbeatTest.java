package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.QuickHeartbeats;
import io.parley.support.RawStream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** An idle SSE stream gets a comment line every heartbeat interval, so that proxies keep it open. */
@QuarkusTest
@TestProfile(QuickHeartbeats.class)
class HeartbeatTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void anIdleStreamIsKeptAliveEveryInterval() throws Exception {
        Agent agent = Parley.readyAgent("idle");
        String received = RawStream.read(agent.token(), 2_000).text();

        int keepAlives = received.split(": keep-alive\n\n", -1).length - 1;
        // 300 ms apart after a random first one: at least five in two seconds, and not one per read or per write
        assertTrue(keepAlives >= 5 && keepAlives <= 8, keepAlives + " keep-alives in:\n" + received);
        assertTrue(received.contains(": subscribed\n\n"));
    }
}
