package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.nicknames;
import static io.parley.chat.ChatFixture.to;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** docs/api.md §4 Consult and SendToAgents: what the customer never sees. */
class VisibilityTest {

    private static ChatFixture consultation() {
        ChatFixture f = ChatFixture.withAgentA();
        f.consult(AGENT_A, AGENT_B);
        return f;
    }

    @Test
    void aConsultantJoinsVisibleToAgentsOnlyAndTheCustomerIsNotTold() {
        ChatFixture f = consultation();

        Outcome.Applied accepted = f.accept(AGENT_B, "Expert");

        assertEquals(Visibility.Agents, f.seatOf(AGENT_B).visibility());
        assertEquals(List.of(), to(accepted, f.customer()));
        assertEquals("Agents", accepted.messages().get(0).visibility());
        assertEquals("ParticipantJoined", accepted.messages().get(0).type());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("Expert")));
        var updated = assertInstanceOf(Notification.ChatStateChange.class, to(accepted, agent(AGENT_A)).get(0));
        Party consultant = updated.chat().participants().stream()
                .filter(p -> p.nickname().equals("Expert"))
                .findFirst()
                .orElseThrow();
        assertEquals("Agents", consultant.visibility());
    }

    @Test
    void theConsultantsMessagesReachTheAgentsOnly() {
        ChatFixture f = consultation();
        f.accept(AGENT_B, "Expert");

        Outcome.Applied said = f.say(AGENT_B, "Offer the refund");

        assertEquals("Agents", said.messages().get(0).visibility());
        assertEquals(List.of(), to(said, f.customer()));
        assertEquals(1, to(said, agent(AGENT_A)).size());
    }

    @Test
    void theConsultantLeavingIsNotToldToTheCustomer() {
        ChatFixture f = consultation();
        f.accept(AGENT_B, "Expert");

        Outcome.Applied left = f.leave(AGENT_B);

        assertEquals(List.of(), to(left, f.customer()));
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, AGENT_A));
    }

    @Test
    void aConsultantLeftAloneWithTheCustomerLeavesUnseen() {
        ChatFixture f = consultation();
        f.accept(AGENT_B, "Expert");
        f.leave(AGENT_A);

        Outcome.Applied left = f.leave(AGENT_B);

        assertEquals(List.of(), to(left, f.customer()));
        assertEquals(List.of(), left.messages().stream().filter(Message::visibleToCustomer).toList());
    }

    @Test
    void sendToAgentsNeverReachesTheCustomer() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied said = f.sayToAgents(AGENT_A, "Between us");

        assertEquals("Agents", said.messages().get(0).visibility());
        assertEquals(List.of(), to(said, f.customer()));
        assertEquals(1, to(said, agent(AGENT_B)).size());
        assertEquals(1, to(said, agent(AGENT_A)).size());
    }

    @Test
    void invitingTheConsultantMakesThemAPartyTheCustomerSees() {
        ChatFixture f = consultation();
        f.accept(AGENT_B, "Expert");

        Outcome.Applied invited = f.invite(AGENT_A, AGENT_B);

        assertEquals(Visibility.All, f.seatOf(AGENT_B).visibility());
        var toCustomer = assertInstanceOf(Notification.NewMessages.class, to(invited, f.customer()).get(0));
        assertEquals("ParticipantJoined", toCustomer.messages().get(0).type());
        assertEquals("All", toCustomer.messages().get(0).visibility());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), hasItem("Expert"));
        assertEquals(ChatFixture.CONFERENCE, f.viewOf(AGENT_B).capabilities());
    }

    @Test
    void indexesCountEveryMessageSoTheCustomerSeesGaps() {
        ChatFixture f = consultation();
        List<Outcome.Applied> outcomes = new ArrayList<>();

        outcomes.add(f.accept(AGENT_B, "Expert"));
        outcomes.add(f.say(AGENT_B, "Hidden advice"));
        outcomes.add(f.customerSays("Any news?"));
        outcomes.add(f.sayToAgents(AGENT_A, "Thanks"));
        outcomes.add(f.say(AGENT_A, "Yes, a refund"));

        assertEquals(IntStream.rangeClosed(1, 7).boxed().toList(), f.transcript.stream().map(Message::index).toList());
        List<Integer> customerSaw = outcomes.stream()
                .flatMap(o -> to(o, f.customer()).stream())
                .map(Notification.NewMessages.class::cast)
                .flatMap(n -> n.messages().stream())
                .map(Message::index)
                .toList();
        assertEquals(List.of(5, 7), customerSaw);
        assertEquals(List.of(1, 2, 5, 7),
                Views.visible(f.transcript, true).stream().map(Message::index).toList());
        assertEquals(7, Views.visible(f.transcript, false).size());
    }
}
