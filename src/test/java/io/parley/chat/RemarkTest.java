package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The optional {@code text}, {@code messageType} and {@code treatAs} of SendMessage, SendToAgents, Leave, Complete,
 * Transfer and RemoveParticipantFromConference, and {@code saveLAR} of Accept and Complete: each shows where GWS
 * puts it. Pages: https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSend (messageType on the message),
 * https://docs.genesys.com/Documentation/GWS/8.5.2/API/ChatComplete, .../ChatSingleStepTransfer (text to the
 * customer, messageType, treatAs Normal|System), https://docs.genesys.com/Documentation/HTCC/latest/API/ChatAccept
 * (saveLAR).
 */
class RemarkTest {

    private static final Remark GREETING = new Remark("How may I help you?", "Greeting", TreatAs.System);

    private static Message only(Outcome.Applied outcome, String type) {
        List<Message> found = outcome.messages().stream().filter(m -> m.type().equals(type)).toList();
        assertEquals(1, found.size(), () -> "one " + type + " in " + outcome.messages());
        return found.get(0);
    }

    private static List<Message> messagesTo(Outcome.Applied outcome, Recipient recipient) {
        return to(outcome, recipient).stream()
                .filter(Notification.NewMessages.class::isInstance)
                .flatMap(n -> ((Notification.NewMessages) n).messages().stream())
                .toList();
    }

    @Test
    void sendMessageCarriesItsMessageTypeAndTreatAsToEveryReader() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied sent = f.byAgent(AGENT_A, new Operation.Post("SendMessage", MessageType.Text, false,
                GREETING.text(), "Greeting", TreatAs.System));

        Message message = only(sent, "Text");
        assertEquals("Greeting", message.messageType());
        assertEquals("System", message.treatAs());
        assertEquals("How may I help you?", message.text());
        assertEquals(List.of(message.forCustomer()), messagesTo(sent, f.customer()),
                "the customer sees the labels too");
    }

    @Test
    void aPlainMessageHasNoLabels() {
        ChatFixture f = ChatFixture.withAgentA();

        Message message = only(f.say(AGENT_A, "hi"), "Text");

        assertNull(message.messageType());
        assertNull(message.treatAs());
    }

    @Test
    void sendToAgentsKeepsItsLabelsAndStaysAmongAgents() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied sent = f.byAgent(AGENT_A, new Operation.Post("SendToAgents", MessageType.Text, true,
                "note", "Internal", TreatAs.Normal));

        Message message = only(sent, "Text");
        assertEquals("Internal", message.messageType());
        assertEquals("Normal", message.treatAs());
        assertEquals("Agents", message.visibility());
        assertTrue(messagesTo(sent, f.customer()).isEmpty());
    }

    @Test
    void completeWithTextPostsItBeforeTheAgentLeaves() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied completed = f.byAgent(AGENT_A, new Operation.Depart("Complete", true, GREETING, false, null));

        assertEquals(List.of("Text", "ParticipantLeft"), completed.messages().stream().map(Message::type).toList());
        Message text = completed.messages().get(0);
        assertEquals("Greeting", text.messageType());
        assertEquals("System", text.treatAs());
        assertEquals(2, messagesTo(completed, f.customer()).size(), "the customer reads the text and the departure");
    }

    @Test
    void leaveWithTextPostsItWithItsLabels() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied left = f.byAgent(AGENT_A, new Operation.Depart("Leave", false,
                new Remark("Back soon", "Away", null), false, null));

        Message text = only(left, "Text");
        assertEquals("Back soon", text.text());
        assertEquals("Away", text.messageType());
        assertNull(text.treatAs());
        assertEquals(ChatState.LeftChat, Views.agentState(f.chat, AGENT_A));
    }

    @Test
    void transferWithTextSaysItToTheCustomerWhenAskedAndTheNewAgentReadsIt() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied asked = f.apply(new Actor.Agent(AGENT_A), new Operation.Offer(InvitationKind.Transfer,
                AGENT_B, new Remark("A colleague takes over", "Transfer", TreatAs.System)), Availability.Ready);

        Message text = only(asked, "Text");
        assertEquals("A colleague takes over", text.text());
        assertEquals("Transfer", text.messageType());
        assertEquals(List.of(text.forCustomer()), messagesTo(asked, f.customer()));
        Outcome.Applied accepted = f.accept(AGENT_B, "BFriend");
        assertTrue(messagesTo(accepted, agent(AGENT_B)).contains(text), "the history holds it");
    }

    @Test
    void removeWithTextPostsTheRemoversWordsThenTheDeparture() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied removed = f.byAgent(AGENT_A, new Operation.RemoveParticipant(AGENT_B,
                new Remark("Thanks, B", null, TreatAs.Normal)));

        assertEquals(List.of("Text", "ParticipantLeft"), removed.messages().stream().map(Message::type).toList());
        Message text = removed.messages().get(0);
        assertEquals("TestName", text.from().nickname());
        assertEquals("Normal", text.treatAs());
        assertEquals("BFriend", removed.messages().get(1).from().nickname());
    }

    private static ChatFixture withContact() {
        ChatFixture f = ChatFixture.withAgentA();
        f.byAgent(AGENT_A, new Operation.ChangeUserData("AttachUserData", Map.of(Routing.CONTACT_KEY, "c-42"),
                List.of()));
        return f;
    }

    @Test
    void acceptWithSaveLarRemembersTheAgentForTheCustomersContact() {
        ChatFixture g = ChatFixture.opened();
        g.chat = g.chat.withUserData(Map.of(Routing.CONTACT_KEY, "c-42"));
        g.route(new AgentLoad(AGENT_A, 0));

        Outcome.Applied accepted = g.byAgent(AGENT_A, new Operation.Accept("TestName", true));

        assertTrue(accepted.effects().contains(new Effect.RememberLastAgent("c-42", AGENT_A,
                ChatFixture.POLICY.lastAgentTtlMillis())), accepted.effects().toString());
    }

    @Test
    void completeWithSaveLarRemembersTheCompletingAgent() {
        ChatFixture f = withContact();

        Outcome.Applied completed = f.byAgent(AGENT_A, new Operation.Depart("Complete", true, null, true, null));

        assertTrue(completed.effects().contains(new Effect.RememberLastAgent("c-42", AGENT_A,
                ChatFixture.POLICY.lastAgentTtlMillis())));
    }

    @Test
    void withoutSaveLarOrWithoutAContactNothingIsRemembered() {
        ChatFixture f = withContact();
        Outcome.Applied plain = f.complete(AGENT_A);
        ChatFixture g = ChatFixture.withAgentA();
        Outcome.Applied noContact = g.byAgent(AGENT_A, new Operation.Depart("Complete", true, null, true, null));

        assertTrue(plain.effects().stream().noneMatch(Effect.RememberLastAgent.class::isInstance));
        assertTrue(noContact.effects().stream().noneMatch(Effect.RememberLastAgent.class::isInstance));
    }

    @Test
    void aRefusedOperationRemembersNothing() {
        ChatFixture f = withContact();
        f.complete(AGENT_A);

        Outcome late = f.decide(new Actor.Agent(AGENT_A), new Operation.Depart("Complete", true, null, true, null),
                Availability.Unknown);

        assertInstanceOf(Outcome.Refused.class, late);
    }

    @Test
    void routingOffersTheLastAgentFirstWhenReadyWithRoom() {
        List<AgentLoad> ready = List.of(new AgentLoad("ann", 0), new AgentLoad("bob", 3));

        assertEquals("bob", Routing.choose(ready, "bob", Set.of(), 4).orElseThrow());
        assertEquals("ann", Routing.choose(ready, "cid", Set.of(), 4).orElseThrow(), "not Ready: as usual");
        assertEquals("ann", Routing.choose(List.of(new AgentLoad("ann", 0), new AgentLoad("bob", 4)), "bob",
                Set.of(), 4).orElseThrow(), "no room: as usual");
        assertEquals("ann", Routing.choose(ready, "bob", Set.of("bob"), 4).orElseThrow(),
                "declined: as usual");
    }
}
