package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.AGENT_C;
import static io.parley.chat.ChatFixture.CHAT_ID;
import static io.parley.chat.ChatFixture.CHAT_URI;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.nicknames;
import static io.parley.chat.ChatFixture.to;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/api.md §5 steps 1–5 and the seed's Invite: the synchronous checks and the successful path. */
class InviteTest {

    @Test
    void invitingAReadyAgentOffersTheChatUnderANewReferenceId() {
        ChatFixture f = ChatFixture.withAgentA();
        long invitedAt = f.now;

        Outcome.Applied invite = f.invite(AGENT_A, AGENT_B);

        long n = invite.referenceId();
        assertThat(n, greaterThan(0L));
        assertEquals(1, invite.deliveries().size());
        var offered = assertInstanceOf(Notification.ChatStateChange.class, to(invite, agent(AGENT_B)).get(0));
        assertEquals("StatusChange", offered.notificationType());
        assertEquals("ChatStateChangeMessage", offered.messageType());
        assertEquals("Invited", offered.chat().state());
        assertEquals(List.of("Accept", "Reject"), offered.chat().capabilities());
        assertEquals(CHAT_ID, offered.chat().id());
        assertEquals(CHAT_URI, offered.chat().uri());
        assertEquals(Long.valueOf(n), offered.referenceId());
        assertEquals(Set.of(new Effect.Track(AGENT_B), new Effect.ArmTimer(AGENT_B, invitedAt + 30_000)),
                Set.copyOf(invite.effects()));
        assertEquals(List.of(new Condition.AgentReady(AGENT_B)), invite.conditions());
        assertEquals(List.of(), invite.messages());
        Invitation pending = f.chat.invitationFor(AGENT_B).orElseThrow();
        assertEquals(InvitationKind.Invite, pending.kind());
        assertEquals(n, pending.referenceId());
    }

    @Test
    void theInviterReceivesExactlyTheSeedsTwoNotificationsWhenTheInviteeAccepts() {
        ChatFixture f = ChatFixture.withAgentA();
        long n = f.invite(AGENT_A, AGENT_B).referenceId();

        Outcome.Applied accepted = f.accept(AGENT_B, "BFriend");

        List<Notification> toInviter = to(accepted, agent(AGENT_A));
        assertEquals(2, toInviter.size());

        var updated = assertInstanceOf(Notification.ChatStateChange.class, toInviter.get(0));
        assertEquals("ParticipantsUpdated", updated.notificationType());
        assertEquals("ChatStateChangeMessage", updated.messageType());
        assertEquals("Chatting", updated.chat().state());
        assertEquals(ChatFixture.CONFERENCE, updated.chat().capabilities());
        assertEquals(CHAT_URI, updated.chat().uri());
        assertEquals(Long.valueOf(n), updated.referenceId());
        assertNull(updated.errorMessage());
        Party bFriend = updated.chat().participants().stream()
                .filter(p -> p.nickname().equals("BFriend"))
                .findFirst()
                .orElseThrow();
        assertEquals("Agent", bFriend.type());
        assertTrue(bFriend.participantId().matches("[0-9A-F]{16}"), bFriend.participantId());
        assertThat(nicknames(updated.chat()), hasItems("TestName", "FirstL"));

        var joined = assertInstanceOf(Notification.NewMessages.class, toInviter.get(1));
        assertEquals("NewMessages", joined.notificationType());
        assertEquals("MessageLogUpdated", joined.messageType());
        assertEquals(CHAT_URI, joined.chatUri());
        assertEquals(Long.valueOf(n), joined.referenceId());
        assertEquals(1, joined.messages().size());
        Message message = joined.messages().get(0);
        assertEquals(3, message.index());
        assertEquals("ParticipantJoined", message.type());
        assertEquals("All", message.visibility());
        assertEquals(new Party("BFriend", "Agent", bFriend.participantId(), null, ChatFixture.BASE_URL + "/api/v2/users/" + AGENT_B,
                "/users/" + AGENT_B, null), message.from());
        assertEquals(f.now, message.timestampSeconds());
        // the seed's form: date, a space, time with milliseconds, offset without a colon
        assertTrue(message.timestamp().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}"),
                message.timestamp());
        assertEquals(f.now, java.time.OffsetDateTime.parse(message.timestamp(), Moment.TIMESTAMP).toInstant()
                .toEpochMilli());
    }

    @Test
    void theCustomerSeesTheInviteeJoin() {
        ChatFixture f = ChatFixture.withAgentA();
        f.invite(AGENT_A, AGENT_B);

        Outcome.Applied accepted = f.accept(AGENT_B, "BFriend");

        List<Notification> toCustomer = to(accepted, f.customer());
        assertEquals(1, toCustomer.size());
        var joined = assertInstanceOf(Notification.NewMessages.class, toCustomer.get(0));
        assertEquals(1, joined.messages().size());
        assertEquals("ParticipantJoined", joined.messages().get(0).type());
        assertEquals("BFriend", joined.messages().get(0).from().nickname());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), hasItem("BFriend"));
    }

    @Test
    void theInviteeGetsChattingAndTheWholeHistory() {
        ChatFixture f = ChatFixture.withAgentA();
        f.say(AGENT_A, "Hello FirstL");
        f.invite(AGENT_A, AGENT_B);

        Outcome.Applied accepted = f.accept(AGENT_B, "BFriend");

        List<Notification> toInvitee = to(accepted, agent(AGENT_B));
        assertEquals(2, toInvitee.size());
        var status = assertInstanceOf(Notification.ChatStateChange.class, toInvitee.get(0));
        assertEquals("StatusChange", status.notificationType());
        assertEquals("Chatting", status.chat().state());
        assertEquals(ChatFixture.CONFERENCE, status.chat().capabilities());
        assertEquals(Long.valueOf(accepted.referenceId()), status.referenceId());
        var history = assertInstanceOf(Notification.NewMessages.class, toInvitee.get(1));
        assertEquals(List.of(1, 2, 3, 4), history.messages().stream().map(Message::index).toList());
        assertEquals(List.of("FirstL", "TestName", "TestName", "BFriend"),
                history.messages().stream().map(m -> m.from().nickname()).toList());
        assertEquals("Hello FirstL", history.messages().get(2).text());
        assertEquals(Optional.empty(), f.chat.invitationFor(AGENT_B));
        assertThat(accepted.effects(), hasItem(new Effect.DisarmTimer(AGENT_B)));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("the target does not exist", ChatFixture::withAgentA,
                        f -> f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, Availability.Unknown),
                        StatusCode.NOT_FOUND),
                refusal("the target is already a participant", ChatFixture::conference,
                        f -> f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, Availability.Ready),
                        StatusCode.INVALID_STATE),
                refusal("the target is already invited", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.invite(AGENT_A, AGENT_B);
                    return f;
                }, f -> f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, Availability.Ready),
                        StatusCode.INVALID_STATE),
                refusal("the chat would exceed the party limit", () -> ChatFixture.withAgentA(
                        new Policy(ChatFixture.OFFER_TIMEOUT, 2, 4)),
                        f -> f.offer(InvitationKind.Invite, AGENT_A, AGENT_B, Availability.Ready),
                        StatusCode.INVALID_STATE),
                refusal("a pending invitation fills the last seat", () -> {
                    ChatFixture f = ChatFixture.withAgentA(new Policy(ChatFixture.OFFER_TIMEOUT, 3, 4));
                    f.invite(AGENT_A, AGENT_B);
                    return f;
                }, f -> f.offer(InvitationKind.Invite, AGENT_A, AGENT_C, Availability.Ready),
                        StatusCode.INVALID_STATE),
                refusal("the inviter is not in the chat", ChatFixture::withAgentA,
                        f -> f.offer(InvitationKind.Invite, AGENT_C, AGENT_B, Availability.Ready),
                        StatusCode.NOT_FOUND),
                refusal("the inviter is only invited", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.invite(AGENT_A, AGENT_B);
                    return f;
                }, f -> f.offer(InvitationKind.Invite, AGENT_B, AGENT_C, Availability.Ready),
                        StatusCode.NOT_FOUND),
                refusal("the inviter invites itself", ChatFixture::withAgentA,
                        f -> f.offer(InvitationKind.Invite, AGENT_A, AGENT_A, Availability.Ready),
                        StatusCode.INVALID_STATE));
    }

    private static Arguments refusal(String why, Supplier<ChatFixture> chat,
            Function<ChatFixture, Outcome> invite, StatusCode statusCode) {
        return Arguments.of(why, chat, invite, statusCode);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anInviteThatFailsTheSynchronousChecksIsRefusedAndChangesNothing(String why,
            Supplier<ChatFixture> chat, Function<ChatFixture, Outcome> invite,
            StatusCode statusCode) {
        ChatFixture f = chat.get();
        Chat before = f.chat;

        Outcome outcome = invite.apply(f);

        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome);
        assertEquals(statusCode, refused.statusCode());
        assertThat(refused.message(), not(blankOrNullString()));
        assertEquals(before, f.chat);
        // nothing was consumed: the next request still gets the very next referenceId
        assertEquals(before.lastReferenceId() + 1, f.say(AGENT_A, "still here").referenceId());
    }
}
