package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.nicknames;
import static io.parley.chat.ChatFixture.to;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/api.md §4 Leave and Complete, and the customer's Leave. */
class DepartureTest {

    @Test
    void leavingAConferenceCompletesTheLeaverAndTheChatGoesOn() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied left = f.leave(AGENT_B);

        var own = assertInstanceOf(Notification.ChatStateChange.class, to(left, agent(AGENT_B)).get(0));
        assertEquals("StatusChange", own.notificationType());
        assertEquals("Completed", own.chat().state());
        assertEquals(List.of(), own.chat().capabilities());
        List<Notification> toOther = to(left, agent(AGENT_A));
        var updated = assertInstanceOf(Notification.ChatStateChange.class, toOther.get(0));
        assertEquals("ParticipantsUpdated", updated.notificationType());
        assertThat(nicknames(updated.chat()), not(hasItem("BFriend")));
        assertEquals(ChatFixture.ALONE, updated.chat().capabilities());
        var leftMessage = assertInstanceOf(Notification.NewMessages.class, to(left, f.customer()).get(0));
        assertEquals("ParticipantLeft", leftMessage.messages().get(0).type());
        assertEquals("BFriend", leftMessage.messages().get(0).from().nickname());
        assertEquals(ChatStatus.Active, f.chat.status());
        assertThat(left.effects(), hasItem(new Effect.Untrack(AGENT_B)));
    }

    @Test
    void theLastAgentLeavingTheCustomerBehindIsInLeftChat() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied left = f.leave(AGENT_A);

        var own = assertInstanceOf(Notification.ChatStateChange.class, to(left, agent(AGENT_A)).get(0));
        assertEquals("StatusChange", own.notificationType());
        assertEquals("LeftChat", own.chat().state());
        assertEquals(List.of("Transfer", "Complete", "Leave", "InFocus"), own.chat().capabilities());
        var told = assertInstanceOf(Notification.NewMessages.class, to(left, f.customer()).get(0));
        assertEquals("ParticipantLeft", told.messages().get(0).type());
        assertNotEquals(ChatStatus.Ended, f.chat.status());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("TestName")));
    }

    @Test
    void anAgentInvitedAgainAfterLeavingTakesOneSeatNotOnePerVisit() {
        ChatFixture f = ChatFixture.withAgentA();
        int seats = f.chat.participants().size();

        for (int visit = 0; visit < 50; visit++) {
            f.invite(AGENT_A, AGENT_B);
            f.accept(AGENT_B, "BFriend");
            f.leave(AGENT_B);
        }

        assertEquals(seats + 1, f.chat.participants().size(), "the customer, A, and B's last seat");
        f.invite(AGENT_A, AGENT_B);
        f.accept(AGENT_B, "BFriend");
        assertEquals(List.of("FirstL", "TestName", "BFriend"), nicknames(Views.forCustomer(f.chat, f.moment())));
        assertEquals(ChatFixture.CONFERENCE, f.viewOf(AGENT_B).capabilities());
        long joins = f.transcript.stream().filter(m -> m.type().equals("ParticipantJoined")
                && m.from().nickname().equals("BFriend")).count();
        assertEquals(51, joins, "the transcript still has every visit");
    }

    @Test
    void completingFromLeftChatEndsTheChat() {
        ChatFixture f = ChatFixture.withAgentA();
        f.leave(AGENT_A);

        f.complete(AGENT_A);

        assertEquals(ChatStatus.Ended, f.chat.status());
        assertEquals(ChatState.Completed, Views.agentState(f.chat, AGENT_A));
    }

    @Test
    void theOnlyAgentCompletingEndsTheChat() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied completed = f.complete(AGENT_A);

        assertEquals(ChatStatus.Ended, f.chat.status());
        assertEquals(ChatState.Completed, Views.customerState(f.chat));
        var told = assertInstanceOf(Notification.NewMessages.class, to(completed, f.customer()).get(0));
        assertEquals("ParticipantLeft", told.messages().get(0).type());
    }

    @Test
    void theCustomerLeavingWhileQueuedEndsTheChatAndRevokesTheRoutingOffer() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));

        Outcome.Applied left = f.customerLeaves();

        assertEquals(ChatStatus.Ended, f.chat.status());
        assertThat(left.effects(), hasItem(new Effect.Dequeue()));
        assertThat(left.effects(), hasItems(new Effect.DisarmTimer(AGENT_A),
                new Effect.Untrack(AGENT_A)));
        assertEquals(List.of(), f.chat.invitations());
        var revoked = assertInstanceOf(Notification.ChatStateChange.class, to(left, agent(AGENT_A)).get(0));
        assertEquals("Revoked", revoked.chat().state());
        Outcome late = f.decide(new Actor.Agent(AGENT_A), new Operation.Accept("TestName"), Availability.Unknown);
        assertEquals(StatusCode.NOT_FOUND, assertInstanceOf(Outcome.Refused.class, late).statusCode());
    }

    @Test
    void theCustomerLeavingAChatNobodyWasOfferedTakesItOutOfTheQueue() {
        ChatFixture f = ChatFixture.opened();

        Outcome.Applied left = f.customerLeaves();

        assertEquals(ChatStatus.Ended, f.chat.status());
        assertThat(left.effects(), hasItem(new Effect.Dequeue()));
        assertInstanceOf(Outcome.Unchanged.class, f.decide(new Actor.System(),
                new Operation.Route(List.of(new AgentLoad(AGENT_A, 0))), Availability.Unknown));
    }

    @Test
    void theCustomerLeavingIsToldToTheAgents() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied left = f.customerLeaves();

        for (String userId : List.of(AGENT_A, AGENT_B)) {
            List<Notification> told = to(left, agent(userId));
            var updated = assertInstanceOf(Notification.ChatStateChange.class, told.get(0));
            assertThat(nicknames(updated.chat()), not(hasItem("FirstL")));
            var message = assertInstanceOf(Notification.NewMessages.class, told.get(1));
            assertEquals("ParticipantLeft", message.messages().get(0).type());
        }
        assertEquals(ChatState.Completed, Views.customerState(f.chat));
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, AGENT_A));
    }
}
