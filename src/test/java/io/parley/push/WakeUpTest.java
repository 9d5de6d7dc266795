package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading the wake-up lines commit.lua publishes. */
class WakeUpTest {

    @Test
    void carriedEntriesAndBareAddressesInLogOrder() {
        String json = "{\"notificationType\":\"NewMessages\",\"messages\":[{\"text\":\"a b\\nc\"}]}";
        List<WakeUp> lines = WakeUp.parse("u:1 1764000000000-0 " + json + "\nc:CHAT:P2\nu:1 1764000000000-1 {}");

        assertEquals(List.of(
                new WakeUp("u:1", new NotificationLog.Entry("1764000000000-0", json)),
                new WakeUp("c:CHAT:P2", null),
                new WakeUp("u:1", new NotificationLog.Entry("1764000000000-1", "{}"))), lines);
    }

    @Test
    void whatIsNotUnderstoodOnlyWakesItsAddress() {
        assertEquals(List.of(new WakeUp("u:1", null), new WakeUp("u:2", null), new WakeUp("u:3", null)),
                WakeUp.parse("u:1 not-an-id {}\nu:2 1-0\n\nu:3 1-0 "));
    }

    @Test
    void anEmptyMessageWakesNobody() {
        assertEquals(List.of(), WakeUp.parse(""));
    }
}
