package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.AGENT_C;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Named queues: a chat transferred, consulted or completed to a queue waits there, then is offered by routing to
 * an agent of that queue. Pages: https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatSingleStepTransfer
 * (Transfer{queueName}), https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatConsult (a queue as the target),
 * https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete (Complete{queueName}: Completed for the agent),
 * https://docs.genesys.com/Documentation:HTCC:API:WorkbinAddInteractionToGW:8.5.2 (receivedDate).
 */
class QueueTest {

    static final Policy QUEUES = new Policy(ChatFixture.OFFER_TIMEOUT, 6, 4, "default",
            Set.of("default", "sales"), Policy.DEFAULT_LAST_AGENT_TTL);
    private static final long LATER = 60_000;

    private static ChatFixture chatting() {
        return ChatFixture.withAgentA(QUEUES);
    }

    private static Outcome toQueue(ChatFixture f, InvitationKind kind, String queue, Remark remark) {
        return f.decide(new Actor.Agent(AGENT_A), new Operation.OfferToQueue(kind, queue, remark),
                Availability.Unknown);
    }

    private static String state(Notification notification) {
        return ((Notification.ChatStateChange) notification).chat().state();
    }

    @Test
    void aNewChatWaitsInTheDefaultQueueSinceItStarted() {
        ChatFixture f = ChatFixture.opened(QUEUES);

        assertEquals(new Waiting("default", InvitationKind.Routing, null, 0), f.chat.waiting());
        Outcome.Applied offered = f.route(new AgentLoad(AGENT_A, 0));
        ChatView invited = ((Notification.ChatStateChange) to(offered, agent(AGENT_A)).get(0)).chat();
        assertEquals("Invited", invited.state());
        assertEquals(Moment.timestamp(ChatFixture.START), invited.receivedDate(), "when it entered the queue");
    }

    @Test
    void transferToAQueueCompletesTheAgentAndQueuesTheChat() {
        ChatFixture f = chatting();
        f.now += LATER;

        Outcome.Applied transferred = assertInstanceOf(Outcome.Applied.class,
                toQueue(f, InvitationKind.Transfer, "sales", null));

        assertEquals(List.of("Completed"), to(transferred, agent(AGENT_A)).stream().map(QueueTest::state).toList());
        assertEquals(ChatStatus.Queued, f.chat.status());
        assertEquals("sales", f.chat.waiting().queue());
        assertTrue(transferred.effects().contains(new Effect.Enqueue(false)));
        assertTrue(transferred.effects().contains(new Effect.Untrack(AGENT_A)));
        List<Message> toCustomer = ((Notification.NewMessages) to(transferred, f.customer()).get(0)).messages();
        assertEquals("ParticipantLeft", toCustomer.get(0).type(), "the customer sees the agent go");
        assertEquals(ChatState.Chatting, Views.customerState(f.chat), "and is still in the chat, waiting");
        assertEquals(Moment.timestamp(ChatFixture.START + LATER), Views.forAgent(f.chat, AGENT_B, f.moment(),
                false).receivedDate(), "time in queue counts from the transfer");
    }

    @Test
    void aQueuedChatIsOfferedToAnAgentOfTheQueueNeverBackToTheTransferrer() {
        ChatFixture f = chatting();
        toQueue(f, InvitationKind.Transfer, "sales", null);

        assertInstanceOf(Outcome.Unchanged.class, f.decide(new Actor.System(),
                new Operation.Route(List.of(new AgentLoad(AGENT_A, 0))), Availability.Unknown));
        Outcome.Applied offered = f.route(new AgentLoad(AGENT_A, 0), new AgentLoad(AGENT_B, 2));
        assertEquals(InvitationKind.Routing, f.chat.invitationFor(AGENT_B).orElseThrow().kind());
        assertTrue(offered.effects().contains(new Effect.Dequeue()));

        Outcome.Applied accepted = f.accept(AGENT_B, "BFriend");

        assertNull(f.chat.waiting(), "taken: it waits no more");
        assertEquals(ChatStatus.Active, f.chat.status());
        assertTrue(to(accepted, f.customer()).stream().anyMatch(n -> n instanceof Notification.NewMessages m
                && m.messages().stream().anyMatch(x -> x.type().equals("ParticipantJoined"))));
    }

    @Test
    void aDeclinedQueueOfferGoesBackToTheFrontOfTheQueue() {
        ChatFixture f = chatting();
        toQueue(f, InvitationKind.Transfer, "sales", null);
        f.route(new AgentLoad(AGENT_B, 0));

        Outcome.Applied rejected = f.reject(AGENT_B);

        assertTrue(rejected.effects().contains(new Effect.Enqueue(true)));
        assertEquals("sales", f.chat.waiting().queue());
        assertTrue(to(rejected, agent(AGENT_A)).isEmpty(), "the transferrer is gone and told nothing");
    }

    @Test
    void transferToAQueueWithTextSaysItFirst() {
        ChatFixture f = chatting();

        Outcome.Applied transferred = assertInstanceOf(Outcome.Applied.class, toQueue(f, InvitationKind.Transfer,
                "sales", new Remark("Sales will answer", "Transfer", TreatAs.System)));

        assertEquals(List.of("Text", "ParticipantLeft"),
                transferred.messages().stream().map(Message::type).toList());
        assertEquals("Sales will answer", transferred.messages().get(0).text());
        assertEquals("System", transferred.messages().get(0).treatAs());
    }

    @Test
    void anUnknownQueueIsNotFoundAndAWaitingChatIsNotQueuedTwice() {
        ChatFixture f = chatting();
        Outcome unknown = toQueue(f, InvitationKind.Transfer, "nosuch", null);
        toQueue(f, InvitationKind.Consult, "sales", null);

        Outcome twice = toQueue(f, InvitationKind.Transfer, "default", null);

        assertEquals(StatusCode.NOT_FOUND, assertInstanceOf(Outcome.Refused.class, unknown).statusCode());
        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, twice).statusCode());
    }

    @Test
    void consultingAQueueBringsInOneOfItsAgentsAsAConsultant() {
        ChatFixture f = chatting();

        Outcome.Applied asked = assertInstanceOf(Outcome.Applied.class,
                toQueue(f, InvitationKind.Consult, "sales", null));
        assertTrue(to(asked, f.customer()).isEmpty(), "the customer is never told of a consultation");
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, AGENT_A), "the consulting agent stays");
        Outcome.Applied offered = f.route(new AgentLoad(AGENT_A, 0), new AgentLoad(AGENT_B, 1));
        Invitation invitation = f.chat.invitationFor(AGENT_B).orElseThrow();
        assertEquals(InvitationKind.Consult, invitation.kind());
        assertEquals(asked.referenceId(), invitation.referenceId());
        assertEquals(asked.referenceId(), ChatFixture.referenceIdOf(to(offered, agent(AGENT_B)).get(0)));

        Outcome.Applied accepted = f.accept(AGENT_B, "Consultant");

        assertEquals(Visibility.Agents, f.seatOf(AGENT_B).visibility());
        assertTrue(to(accepted, f.customer()).isEmpty());
        assertNull(f.chat.waiting());
    }

    @Test
    void completeWithAQueueNameLeavesTheChatWaitingThere() {
        ChatFixture f = chatting();

        Outcome.Applied completed = f.byAgent(AGENT_A, new Operation.Depart("Complete", true, null, false, "sales"));

        assertEquals(List.of("Completed"), to(completed, agent(AGENT_A)).stream().map(QueueTest::state).toList());
        assertEquals("sales", f.chat.waiting().queue());
        assertEquals(ChatStatus.Queued, f.chat.status());
        assertTrue(completed.effects().contains(new Effect.Enqueue(false)));
    }

    @Test
    void completeWithAQueueNameAfterTheCustomerLeftSimplyCompletes() {
        ChatFixture f = chatting();
        f.customerLeaves();

        f.byAgent(AGENT_A, new Operation.Depart("Complete", true, null, false, "sales"));

        assertEquals(ChatStatus.Ended, f.chat.status());
        assertNull(f.chat.waiting());
    }

    @Test
    void aCustomerWhoLeavesAQueuedChatEndsItAndTakesItOutOfTheQueue() {
        ChatFixture f = chatting();
        toQueue(f, InvitationKind.Transfer, "sales", null);
        f.route(new AgentLoad(AGENT_C, 0));

        Outcome.Applied left = f.customerLeaves();

        assertEquals(ChatStatus.Ended, f.chat.status());
        assertTrue(left.effects().contains(new Effect.Dequeue()));
        assertEquals(List.of("Revoked"), to(left, agent(AGENT_C)).stream().map(QueueTest::state).toList());
    }

    @Test
    void aConferenceGoesOnWhileTheChatWaitsForTheQueue() {
        ChatFixture f = ChatFixture.withAgentA(QUEUES);
        f.invite(AGENT_A, AGENT_B);
        f.accept(AGENT_B, "BFriend");

        toQueue(f, InvitationKind.Transfer, "sales", null);

        assertEquals(ChatStatus.Active, f.chat.status());
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, AGENT_B));
        f.route(new AgentLoad(AGENT_B, 0), new AgentLoad(AGENT_C, 3));
        assertTrue(f.chat.invitationFor(AGENT_C).isPresent(), "somebody already in the chat is not offered it");
    }

    @Test
    void aConsultationNobodyTookEndsWhenItsAgentLeaves() {
        ChatFixture f = chatting();
        toQueue(f, InvitationKind.Consult, "sales", null);

        Outcome.Applied left = f.leave(AGENT_A);

        assertNull(f.chat.waiting());
        assertTrue(left.effects().contains(new Effect.Dequeue()));
        assertInstanceOf(Outcome.Unchanged.class, f.decide(new Actor.System(),
                new Operation.Route(List.of(new AgentLoad(AGENT_B, 0))), Availability.Unknown));
    }

    @Test
    void aChatOfferedToAnAgentByTransferIsNotAlsoPlacedInAQueue() {
        ChatFixture f = chatting();
        f.offer(InvitationKind.Transfer, AGENT_A, AGENT_B, Availability.Ready);

        Outcome refused = toQueue(f, InvitationKind.Transfer, "sales", null);

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, refused).statusCode());
        assertNull(f.chat.waiting());
    }

    @Test
    void aChatStoredBeforeQueuesWaitsInTheDefaultQueueWhileQueued() {
        Chat stored = ChatFixture.opened(QUEUES).chat;
        Chat old = new Chat(stored.id(), stored.version(), stored.status(), stored.subject(), stored.userData(),
                stored.participants(), stored.invitations(), stored.declinedBy(), stored.lastIndex(),
                stored.lastReferenceId(), stored.idStem(), stored.partySequence(), stored.createdAt(), null, 0);

        assertEquals("default", Routing.waitingOf(old, "default").orElseThrow().queue());
        assertEquals(Moment.timestamp(stored.createdAt()), Views.forAgent(old, AGENT_A,
                new Moment(stored.createdAt(), ChatFixture.BASE_URL), false).receivedDate());
        assertTrue(Routing.waitingOf(old.withStatus(ChatStatus.Active), "default").isEmpty());
    }
}
