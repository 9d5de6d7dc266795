package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.OFFER_TIMEOUT;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.to;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/api.md §5 steps 4 and 6: what the inviter learns later, when the invitee cannot, will not or does not
 * answer.
 */
class OfferAnswerTest {

    @ParameterizedTest
    @EnumSource(value = Availability.class, names = { "NotReady", "LoggedOut" })
    void anUnavailableTargetIsReportedToTheInviterAsAnError(Availability availability) {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied invite = assertInstanceOf(Outcome.Applied.class,
                f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, availability));

        long n = invite.referenceId();
        assertThat(n, greaterThan(0L));
        assertEquals(1, invite.deliveries().size());
        var error = assertInstanceOf(Notification.ChatStateChange.class, to(invite, agent(AGENT_A)).get(0));
        assertFailureReport(error, n);
        assertEquals("Chatting", error.chat().state());
        assertEquals(ChatFixture.ALONE, error.chat().capabilities());
        assertEquals(List.of(), f.chat.invitations());
        assertEquals(List.of(), invite.effects());
        assertEquals(ChatState.Completed, Views.agentState(f.chat, AGENT_B));
    }

    @Test
    void anAgentWhoWasNotReadyCanBeInvitedOnceReady() {
        ChatFixture f = ChatFixture.withAgentA();
        f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, Availability.NotReady);

        f.invite(AGENT_A, AGENT_B);

        assertEquals(ChatState.Invited, Views.agentState(f.chat, AGENT_B));
    }

    @Test
    void aRejectionIsReportedToTheInviterUnderTheInvitesReferenceId() {
        ChatFixture f = ChatFixture.withAgentA();
        long n = f.invite(AGENT_A, AGENT_B).referenceId();

        Outcome.Applied rejected = f.reject(AGENT_B);

        var own = assertInstanceOf(Notification.ChatStateChange.class, to(rejected, agent(AGENT_B)).get(0));
        assertEquals("StatusChange", own.notificationType());
        assertEquals("Completed", own.chat().state());
        assertEquals(List.of(), own.chat().capabilities());
        List<Notification> toInviter = to(rejected, agent(AGENT_A));
        assertEquals(1, toInviter.size());
        assertFailureReport(assertInstanceOf(Notification.ChatStateChange.class, toInviter.get(0)), n);
        assertEquals(List.of(), f.chat.invitations());
        assertThat(rejected.effects(), hasItems(new Effect.DisarmTimer(AGENT_B),
                new Effect.Untrack(AGENT_B)));
        assertEquals(List.of(), rejected.messages());
    }

    @Test
    void anOfferNotAnsweredByItsDeadlineIsRevokedAndReported() {
        ChatFixture f = ChatFixture.withAgentA();
        long n = f.invite(AGENT_A, AGENT_B).referenceId();
        f.now += OFFER_TIMEOUT;

        Outcome.Applied expired = assertInstanceOf(Outcome.Applied.class, f.expire(AGENT_B));

        assertEquals(0, expired.referenceId());
        var revoked = assertInstanceOf(Notification.ChatStateChange.class, to(expired, agent(AGENT_B)).get(0));
        assertEquals("StatusChange", revoked.notificationType());
        assertEquals("Revoked", revoked.chat().state());
        assertEquals(List.of(), revoked.chat().capabilities());
        assertNull(revoked.referenceId());
        List<Notification> toInviter = to(expired, agent(AGENT_A));
        assertEquals(1, toInviter.size());
        assertFailureReport(assertInstanceOf(Notification.ChatStateChange.class, toInviter.get(0)), n);
        assertEquals(List.of(), f.chat.invitations());
        assertThat(expired.effects(), hasItem(new Effect.Untrack(AGENT_B)));
    }

    @Test
    void anExpiryBeforeTheDeadlineChangesNothing() {
        ChatFixture f = ChatFixture.withAgentA();
        f.invite(AGENT_A, AGENT_B);
        f.now += OFFER_TIMEOUT - 1;

        assertInstanceOf(Outcome.Unchanged.class, f.expire(AGENT_B));
        assertEquals(ChatState.Invited, Views.agentState(f.chat, AGENT_B));
    }

    @Test
    void anExpiryAfterTheOfferWasAcceptedChangesNothing() {
        ChatFixture f = ChatFixture.withAgentA();
        f.invite(AGENT_A, AGENT_B);
        f.accept(AGENT_B, "BFriend");
        f.now += OFFER_TIMEOUT;

        assertInstanceOf(Outcome.Unchanged.class, f.expire(AGENT_B));
    }

    @Test
    void anExpiryAfterTheOfferWasRejectedChangesNothing() {
        ChatFixture f = ChatFixture.withAgentA();
        f.invite(AGENT_A, AGENT_B);
        f.reject(AGENT_B);
        f.now += OFFER_TIMEOUT;

        assertInstanceOf(Outcome.Unchanged.class, f.expire(AGENT_B));
    }

    @Test
    void theTimerOfAnEarlierOfferDoesNotExpireALaterOne() {
        ChatFixture f = ChatFixture.withAgentA();
        f.invite(AGENT_A, AGENT_B);
        f.reject(AGENT_B);
        f.now += OFFER_TIMEOUT / 2;
        f.invite(AGENT_A, AGENT_B);
        f.now += OFFER_TIMEOUT / 2;

        assertInstanceOf(Outcome.Unchanged.class, f.expire(AGENT_B));
    }

    @Test
    void aTransferRejectedLeavesTheTransferrerInTheChatWithAnError() {
        ChatFixture f = ChatFixture.withAgentA();
        long n = transfer(f).referenceId();

        Outcome.Applied rejected = f.reject(AGENT_B);

        assertFailureReport(assertInstanceOf(Notification.ChatStateChange.class,
                to(rejected, agent(AGENT_A)).get(0)), n);
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, AGENT_A));
    }

    @Test
    void aTransferFromLeftChatThatTimesOutIsReportedToTheTransferrer() {
        ChatFixture f = ChatFixture.withAgentA();
        f.leave(AGENT_A);
        // LeftChat lists Transfer (docs/api.md §4), and a failed Transfer reports to the transferrer, who stays
        long n = transfer(f).referenceId();
        f.now += OFFER_TIMEOUT;

        Outcome.Applied expired = assertInstanceOf(Outcome.Applied.class, f.expire(AGENT_B));

        List<Notification> toTransferrer = to(expired, agent(AGENT_A));
        assertEquals(1, toTransferrer.size());
        var error = assertInstanceOf(Notification.ChatStateChange.class, toTransferrer.get(0));
        assertFailureReport(error, n);
        assertEquals("LeftChat", error.chat().state());
        assertEquals(ChatState.LeftChat, Views.agentState(f.chat, AGENT_A));
    }

    private static Outcome.Applied transfer(ChatFixture f) {
        return assertInstanceOf(Outcome.Applied.class,
                f.offer(InvitationKind.Transfer, AGENT_A, AGENT_B, Availability.Ready));
    }

    private static void assertFailureReport(Notification.ChatStateChange error, long referenceId) {
        assertEquals("Error", error.notificationType());
        assertEquals("ChatStateChangeMessage", error.messageType());
        assertEquals(Long.valueOf(referenceId), error.referenceId());
        assertThat(error.errorMessage(), not(blankOrNullString()));
        assertEquals(ChatFixture.CHAT_ID, error.chat().id());
    }
}
