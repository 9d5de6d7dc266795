package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.OFFER_TIMEOUT;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.to;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/api.md §3 "Customer side": least-loaded Ready agent with free capacity, waiting in the queue otherwise. */
class RoutingTest {

    private static final int MAX_CHATS = 4;

    static Stream<Arguments> choices() {
        return Stream.of(
                Arguments.of("the least loaded agent", List.of(load("bob", 2), load("ann", 1), load("cid", 3)),
                        Set.of(), Optional.of("ann")),
                Arguments.of("agents at capacity are skipped", List.of(load("ann", 4), load("bob", 3)),
                        Set.of(), Optional.of("bob")),
                Arguments.of("agents who declined are skipped", List.of(load("ann", 0), load("bob", 2)),
                        Set.of("ann"), Optional.of("bob")),
                Arguments.of("ties go to the smallest user id", List.of(load("cid", 1), load("ann", 1), load("bob", 1)),
                        Set.of(), Optional.of("ann")),
                Arguments.of("nobody with room", List.of(load("ann", 4), load("bob", 5)), Set.of(), Optional.empty()),
                Arguments.of("nobody who has not declined", List.of(load("ann", 0)), Set.of("ann"), Optional.empty()),
                Arguments.of("nobody Ready", List.of(), Set.of(), Optional.empty()));
    }

    private static AgentLoad load(String userId, int chats) {
        return new AgentLoad(userId, chats);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void chooseOffersTheChatToTheLeastLoadedAgentWithRoom(String rule, List<AgentLoad> ready, Set<String> declined,
            Optional<String> chosen) {
        assertEquals(chosen, Routing.choose(ready, declined, MAX_CHATS));
    }

    @Test
    void chooseDoesNotDependOnTheOrderAgentsAreListedIn() {
        List<AgentLoad> ready = List.of(load("bob", 1), load("ann", 1), load("cid", 0), load("dan", 0));

        assertEquals(Routing.choose(ready, Set.of(), MAX_CHATS),
                Routing.choose(ready.reversed(), Set.of(), MAX_CHATS));
    }

    @Test
    void aRoutedChatIsOfferedWithItsTimerAndConditions() {
        ChatFixture f = ChatFixture.opened();
        long routedAt = f.now;

        Outcome.Applied routed = f.route(new AgentLoad(AGENT_B, 2), new AgentLoad(AGENT_A, 1));

        assertEquals(Set.of(new Effect.Track(AGENT_A), new Effect.ArmTimer(AGENT_A, routedAt + OFFER_TIMEOUT),
                new Effect.Dequeue()), Set.copyOf(routed.effects()));
        assertEquals(Set.of(new Condition.AgentReady(AGENT_A), new Condition.AgentBelowCapacity(AGENT_A, 4)),
                Set.copyOf(routed.conditions()));
        assertEquals(1, routed.deliveries().size());
        var offered = assertInstanceOf(Notification.ChatStateChange.class, to(routed, agent(AGENT_A)).get(0));
        assertEquals("StatusChange", offered.notificationType());
        assertEquals("Invited", offered.chat().state());
        assertEquals(List.of("Accept", "Reject"), offered.chat().capabilities());
        assertNull(offered.referenceId());
        Invitation invitation = f.chat.invitationFor(AGENT_A).orElseThrow();
        assertEquals(InvitationKind.Routing, invitation.kind());
        assertEquals(routedAt + OFFER_TIMEOUT, invitation.expiresAt());
    }

    @Test
    void acceptingARoutedChatMakesItActiveAndTellsTheCustomer() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));

        Outcome.Applied accepted = f.accept(AGENT_A, "TestName");

        assertEquals(ChatStatus.Active, f.chat.status());
        var joined = assertInstanceOf(Notification.NewMessages.class, to(accepted, f.customer()).get(0));
        assertEquals("ParticipantJoined", joined.messages().get(0).type());
        assertEquals(2, joined.messages().get(0).index());
        assertEquals("TestName", joined.messages().get(0).from().nickname());
    }

    @Test
    void aRejectedRoutingOfferGoesBackToTheFrontOfTheQueueForSomebodyElse() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));

        Outcome.Applied rejected = f.reject(AGENT_A);

        assertThat(rejected.effects(), hasItem(new Effect.Enqueue(true)));
        assertThat(f.chat.declinedBy(), hasItem(AGENT_A));
        f.route(new AgentLoad(AGENT_A, 0), new AgentLoad(AGENT_B, 3));
        assertTrue(f.chat.invitationFor(AGENT_B).isPresent(), () -> "invitations: " + f.chat.invitations());
    }

    @Test
    void aLapsedRoutingOfferIsRevokedAndRequeued() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));
        f.now += OFFER_TIMEOUT;

        Outcome.Applied expired = assertInstanceOf(Outcome.Applied.class, f.expire(AGENT_A));

        var revoked = assertInstanceOf(Notification.ChatStateChange.class, to(expired, agent(AGENT_A)).get(0));
        assertEquals("Revoked", revoked.chat().state());
        assertThat(expired.effects(), hasItem(new Effect.Enqueue(true)));
        assertThat(f.chat.declinedBy(), hasItem(AGENT_A));
    }

    @Test
    void aChatAlreadyOfferedIsNotRoutedAgain() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));

        Outcome again = f.decide(new Actor.System(), new Operation.Route(List.of(new AgentLoad(AGENT_B, 0))),
                Availability.Unknown);

        assertInstanceOf(Outcome.Unchanged.class, again);
    }

    @Test
    void aChatWithNobodyToTakeItStaysQueued() {
        ChatFixture f = ChatFixture.opened();

        Outcome outcome = f.decide(new Actor.System(), new Operation.Route(List.of(new AgentLoad(AGENT_A, 4))),
                Availability.Unknown);

        assertInstanceOf(Outcome.Unchanged.class, outcome);
        assertEquals(ChatStatus.Queued, f.chat.status());
    }

    @Test
    void openingAChatQueuesIt() {
        Outcome.Applied opened = new ChatRules(ChatFixture.POLICY).open(ChatFixture.CHAT_ID, ChatFixture.ID_STEM,
                "FirstL", null, null, new Moment(ChatFixture.START, ChatFixture.BASE_URL));

        assertEquals(List.of(new Effect.Enqueue(false)), opened.effects());
        assertEquals(ChatStatus.Queued, opened.chat().status());
        Participant customer = opened.chat().customer().orElseThrow();
        assertTrue(customer.participantId().matches("[0-9A-F]{16}"), customer.participantId());
        assertEquals("ParticipantJoined", opened.messages().get(0).type());
        assertEquals(1, opened.messages().get(0).index());
    }
}
