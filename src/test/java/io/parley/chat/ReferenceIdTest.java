package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.OFFER_TIMEOUT;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.referenceIdOf;
import static io.parley.chat.ChatFixture.to;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/api.md §1: referenceIds are positive, unique within the chat, increasing, and tie notifications to requests. */
class ReferenceIdTest {

    @Test
    void everyRequestGetsTheNextReferenceIdOfItsChat() {
        ChatFixture f = ChatFixture.withAgentA();
        List<Outcome.Applied> requests = new ArrayList<>();

        requests.add(f.say(AGENT_A, "Hello"));
        requests.add(f.customerSays("Hi"));
        requests.add(f.invite(AGENT_A, AGENT_B));
        requests.add(f.accept(AGENT_B, "BFriend"));
        requests.add(f.byAgent(AGENT_A, new Operation.ChangeUserData("AttachUserData", Map.of("k", "v"), List.of())));
        requests.add(f.leave(AGENT_B));

        List<Long> ids = requests.stream().map(Outcome.Applied::referenceId).toList();
        assertTrue(ids.get(0) > 0, ids.toString());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), ids.toString());
        }
    }

    @Test
    void everyNotificationOfARequestCarriesItsReferenceId() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied said = f.say(AGENT_A, "Hello both");

        assertEquals(3, said.deliveries().size());
        for (Delivery delivery : said.deliveries()) {
            assertEquals(Long.valueOf(said.referenceId()), referenceIdOf(delivery.notification()));
        }
    }

    @Test
    void aRefusedRequestUsesNoReferenceId() {
        ChatFixture f = ChatFixture.withAgentA();
        long first = f.say(AGENT_A, "one").referenceId();

        assertInstanceOf(Outcome.Refused.class,
                f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, Availability.Unknown));

        assertEquals(first + 1, f.say(AGENT_A, "two").referenceId());
    }

    @Test
    void openingAndRoutingCarryNoReferenceId() {
        ChatFixture f = ChatFixture.opened();

        Outcome.Applied routed = f.route(new AgentLoad(AGENT_A, 0));

        assertEquals(0, routed.referenceId());
        assertThat(routed.deliveries(), not(empty()));
        routed.deliveries().forEach(d -> assertNull(referenceIdOf(d.notification())));
        assertEquals(0, f.chat.lastReferenceId());
    }

    @Test
    void anExpiryUsesNoReferenceIdOfItsOwn() {
        ChatFixture f = ChatFixture.withAgentA();
        long n = f.invite(AGENT_A, AGENT_B).referenceId();
        f.now += OFFER_TIMEOUT;

        Outcome.Applied expired = assertInstanceOf(Outcome.Applied.class, f.expire(AGENT_B));

        assertEquals(0, expired.referenceId());
        assertNull(referenceIdOf(to(expired, agent(AGENT_B)).get(0)));
        assertEquals(Long.valueOf(n), referenceIdOf(to(expired, agent(AGENT_A)).get(0)));
        assertEquals(n, f.chat.lastReferenceId());
        assertEquals(n + 1, f.say(AGENT_A, "next").referenceId());
    }

    @Test
    void aRoutingOfferThatLapsesCarriesNoReferenceId() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));
        f.now += OFFER_TIMEOUT;

        Outcome.Applied expired = assertInstanceOf(Outcome.Applied.class, f.expire(AGENT_A));

        assertEquals(0, expired.referenceId());
        expired.deliveries().forEach(d -> assertNull(referenceIdOf(d.notification())));
    }
}
