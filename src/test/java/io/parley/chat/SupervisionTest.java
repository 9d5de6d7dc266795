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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/api.md §4 Supervisors: Intrude in each mode, the SwitchTo* operations, Leave and the revocation, each with
 * what the customer, the agent, a second agent and the supervisor are and are not told.
 */
class SupervisionTest {

    static final String SUPERVISOR = "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";

    private static Outcome intrude(ChatFixture f, SupervisorMode mode) {
        return f.decide(new Actor.Agent(SUPERVISOR), new Operation.Intrude(AGENT_A, mode, "Boss"),
                Availability.Unknown);
    }

    private static Outcome.Applied supervised(ChatFixture f, SupervisorMode mode) {
        return assertInstanceOf(Outcome.Applied.class, intrude(f, mode));
    }

    private static Outcome bySupervisor(ChatFixture f, Operation operation) {
        return f.decide(new Actor.Agent(SUPERVISOR), operation, Availability.Unknown);
    }

    private static Outcome.Applied applied(Outcome outcome) {
        return assertInstanceOf(Outcome.Applied.class, outcome);
    }

    private static Operation.Post text(String name, boolean toAgents, String text) {
        return new Operation.Post(name, MessageType.Text, toAgents, text);
    }

    private static Notification.ChatStateChange stateChange(Notification notification) {
        return assertInstanceOf(Notification.ChatStateChange.class, notification);
    }

    private static List<String> types(List<Notification> notifications) {
        return notifications.stream().map(n -> switch (n) {
            case Notification.ChatStateChange change -> change.notificationType();
            case Notification.NewMessages messages -> "NewMessages";
        }).toList();
    }

    @Test
    void aMonitoringSupervisorJoinsUnseenAndReceivesTheHistory() {
        ChatFixture f = ChatFixture.conference();
        int before = f.transcript.size();

        Outcome.Applied joined = supervised(f, SupervisorMode.Monitor);

        assertEquals(List.of(), joined.messages(), "no join message for anyone");
        assertEquals(List.of(), to(joined, f.customer()));
        assertEquals(List.of(), to(joined, agent(AGENT_A)));
        assertEquals(List.of(), to(joined, agent(AGENT_B)));
        List<Notification> told = to(joined, agent(SUPERVISOR));
        assertEquals(List.of("StatusChange", "NewMessages"), types(told));
        ChatView view = stateChange(told.get(0)).chat();
        assertEquals("Chatting", view.state());
        assertEquals(Capabilities.MONITORING, view.capabilities());
        assertThat(nicknames(view), hasItem("Boss"));
        assertEquals(before, ((Notification.NewMessages) told.get(1)).messages().size());
        assertThat(nicknames(f.viewOf(AGENT_A)), not(hasItem("Boss")));
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("Boss")));
        assertEquals(ParticipantType.Supervisor, f.chat.supervisorSeat(SUPERVISOR).orElseThrow().type());
    }

    @Test
    void aMonitoringSupervisorSeesEverythingSaidAndCannotSpeak() {
        ChatFixture f = ChatFixture.conference();
        supervised(f, SupervisorMode.Monitor);

        assertEquals(1, to(f.customerSays("hello?"), agent(SUPERVISOR)).size());
        assertEquals(1, to(f.sayToAgents(AGENT_B, "between us"), agent(SUPERVISOR)).size());
        Outcome spoken = bySupervisor(f, text("SendMessage", false, "hi"));
        Outcome whispered = bySupervisor(f, text("SendToAgents", true, "hi"));

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, spoken).statusCode());
        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, whispered).statusCode());
        assertEquals(Capabilities.CONFERENCE, f.viewOf(AGENT_A).capabilities(), "the agent's view is unchanged");
    }

    @Test
    void aCoachingSupervisorIsSeenByTheAgentsOnlyAndCoachesThem() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied joined = supervised(f, SupervisorMode.Coach);

        assertEquals(List.of(), to(joined, f.customer()));
        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(to(joined, agent(AGENT_A))));
        assertEquals("Agents", joined.messages().get(0).visibility());
        assertEquals(Capabilities.COACHING, f.chat.supervisorSeat(SUPERVISOR)
                .map(seat -> Capabilities.forSupervisor(ChatState.Chatting, seat)).orElseThrow());
        Party coach = f.viewOf(AGENT_A).participants().stream().filter(p -> p.nickname().equals("Boss"))
                .findFirst().orElseThrow();
        assertEquals("Supervisor", coach.type());
        assertEquals("Agents", coach.visibility());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("Boss")));
        assertTrue(f.viewOf(AGENT_A).capabilities().contains("SendToAgents"), "the agent may answer the coach");

        Outcome.Applied coached = applied(bySupervisor(f, text("SendToAgents", true, "offer a refund")));
        assertEquals(List.of(), to(coached, f.customer()));
        assertEquals(1, to(coached, agent(AGENT_A)).size());
        Outcome spoken = bySupervisor(f, text("SendMessage", false, "hi"));
        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, spoken).statusCode());
        assertTrue(Views.visible(f.transcript, true).stream().noneMatch(m -> m.from().nickname().equals("Boss")),
                "the customer's transcript never shows the coach");
    }

    @Test
    void aBargingSupervisorIsAPartyEveryoneSees() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied joined = supervised(f, SupervisorMode.BargeIn);

        assertEquals(1, to(joined, f.customer()).size());
        assertEquals("All", joined.messages().get(0).visibility());
        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(to(joined, agent(AGENT_B))));
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), hasItem("Boss"));
        Outcome.Applied said = applied(bySupervisor(f, text("SendMessage", false, "I can help")));
        assertEquals(1, to(said, f.customer()).size());
        assertEquals(1, to(said, agent(AGENT_A)).size());
        assertEquals(1, to(said, agent(AGENT_B)).size());
    }

    @Test
    void onlyABargingSupervisorCountsAgainstTheChatsLimit() {
        Policy two = new Policy(ChatFixture.OFFER_TIMEOUT, 2, 4);

        ChatFixture watched = ChatFixture.withAgentA(two);
        supervised(watched, SupervisorMode.Monitor);
        ChatFixture coached = ChatFixture.withAgentA(two);
        supervised(coached, SupervisorMode.Coach);
        Outcome refused = intrude(ChatFixture.withAgentA(two), SupervisorMode.BargeIn);

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, refused).statusCode());
        assertEquals(2, watched.chat.countedParties());
    }

    @Test
    void switchingFromMonitorToCoachShowsTheSupervisorToTheAgentsOnly() {
        ChatFixture f = ChatFixture.conference();
        supervised(f, SupervisorMode.Monitor);

        Outcome.Applied switched = applied(bySupervisor(f, new Operation.SwitchSupervision(SupervisorMode.Coach)));

        assertEquals(List.of(), to(switched, f.customer()));
        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(to(switched, agent(AGENT_A))));
        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(to(switched, agent(AGENT_B))));
        assertEquals(Capabilities.COACHING, stateChange(to(switched, agent(SUPERVISOR)).get(0)).chat().capabilities());
        assertEquals("ParticipantJoined", switched.messages().get(0).type());
        assertEquals("Agents", switched.messages().get(0).visibility());
    }

    @Test
    void switchingToBargeInAndBackTellsTheCustomerBothTimes() {
        ChatFixture f = ChatFixture.withAgentA();
        supervised(f, SupervisorMode.Coach);

        Outcome.Applied barged = applied(bySupervisor(f, new Operation.SwitchSupervision(SupervisorMode.BargeIn)));
        assertEquals("ParticipantJoined", barged.messages().get(0).type());
        assertEquals(1, to(barged, f.customer()).size());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), hasItem("Boss"));

        Outcome.Applied back = applied(bySupervisor(f, new Operation.SwitchSupervision(SupervisorMode.Monitor)));
        assertEquals("ParticipantLeft", back.messages().get(0).type());
        assertEquals(1, to(back, f.customer()).size());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("Boss")));
        assertThat(nicknames(f.viewOf(AGENT_A)), not(hasItem("Boss")));
    }

    @Test
    void switchingToTheCurrentModeIsRefusedAndChangesNothing() {
        ChatFixture f = ChatFixture.withAgentA();
        supervised(f, SupervisorMode.Monitor);
        Chat before = f.chat;

        Outcome same = bySupervisor(f, new Operation.SwitchSupervision(SupervisorMode.Monitor));

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, same).statusCode());
        assertEquals(before, f.chat);
    }

    @Test
    void aMonitoringSupervisorLeavesWithoutAWordToAnyone() {
        ChatFixture f = ChatFixture.conference();
        supervised(f, SupervisorMode.Monitor);

        Outcome.Applied left = applied(bySupervisor(f, new Operation.Depart("Leave", false, null)));

        assertEquals(List.of(), left.messages());
        assertEquals(List.of(), to(left, f.customer()));
        assertEquals(List.of(), to(left, agent(AGENT_A)));
        assertEquals(List.of(), to(left, agent(AGENT_B)));
        assertEquals("Completed", stateChange(to(left, agent(SUPERVISOR)).get(0)).chat().state());
        assertEquals(ChatState.Completed, Views.agentState(f.chat, SUPERVISOR));
    }

    @Test
    void aCoachLeavingIsToldToTheAgentsOnly() {
        ChatFixture f = ChatFixture.withAgentA();
        supervised(f, SupervisorMode.Coach);

        Outcome.Applied left = applied(bySupervisor(f, new Operation.Depart("Leave", false, null)));

        assertEquals(List.of(), to(left, f.customer()));
        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(to(left, agent(AGENT_A))));
        assertEquals(Capabilities.ALONE, f.viewOf(AGENT_A).capabilities());
    }

    @Test
    void theSupervisorsChatIsRevokedWhenTheChatCompletes() {
        ChatFixture f = ChatFixture.withAgentA();
        supervised(f, SupervisorMode.Coach);

        Outcome.Applied completed = f.complete(AGENT_A);

        List<Notification> told = to(completed, agent(SUPERVISOR));
        assertEquals(1, told.size(), "only the revocation");
        assertEquals("Revoked", stateChange(told.get(0)).chat().state());
        assertTrue(f.chat.joinedSupervisors().isEmpty());
    }

    @Test
    void theSupervisorsChatIsRevokedWhenTheChatGoesBackToAQueue() {
        ChatFixture f = ChatFixture.conference();
        supervised(f, SupervisorMode.Monitor);

        Outcome.Applied queued = f.byAgent(AGENT_A, new Operation.OfferToQueue(InvitationKind.Transfer,
                Policy.DEFAULT_QUEUE, null));

        assertEquals("Revoked", stateChange(to(queued, agent(SUPERVISOR)).get(0)).chat().state());
        assertEquals(1, to(queued, agent(SUPERVISOR)).size());
    }

    @Test
    void theSupervisorStaysWhileAnotherAgentRemains() {
        ChatFixture f = ChatFixture.conference();
        supervised(f, SupervisorMode.Monitor);

        Outcome.Applied left = f.leave(AGENT_A);

        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), types(to(left, agent(SUPERVISOR))));
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, SUPERVISOR));
    }

    @Test
    void intrudingNeedsTheAgentInTheChatAndOnlyOnce() {
        ChatFixture f = ChatFixture.withAgentA();
        Outcome notThere = f.decide(new Actor.Agent(SUPERVISOR),
                new Operation.Intrude(AGENT_B, SupervisorMode.Monitor, "Boss"), Availability.Unknown);
        Outcome own = f.decide(new Actor.Agent(AGENT_A),
                new Operation.Intrude(AGENT_A, SupervisorMode.Monitor, "Boss"), Availability.Unknown);
        supervised(f, SupervisorMode.Monitor);
        Outcome twice = intrude(f, SupervisorMode.Coach);

        assertEquals(StatusCode.NOT_FOUND, assertInstanceOf(Outcome.Refused.class, notThere).statusCode());
        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, own).statusCode());
        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, twice).statusCode());
    }

    @Test
    void anAgentCannotSwitchASupervisionAndASupervisorCannotBeInvited() {
        ChatFixture f = ChatFixture.withAgentA();
        supervised(f, SupervisorMode.Monitor);

        Outcome switched = f.decide(new Actor.Agent(AGENT_A),
                new Operation.SwitchSupervision(SupervisorMode.Coach), Availability.Unknown);
        Outcome invited = f.offer(InvitationKind.Invite, AGENT_A, SUPERVISOR, Availability.Ready);

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, switched).statusCode());
        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, invited).statusCode());
    }
    private static Outcome.Applied acceptWatched(ChatFixture f, String userId, Monitoring... monitorings) {
        return f.byAgent(userId, new Operation.Accept("TestName", false, List.of(monitorings)));
    }

    @Test
    void aMonitoredAgentsSupervisorJoinsUnseenWhenTheAgentAccepts() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));

        Outcome.Applied accepted = acceptWatched(f, AGENT_A,
                new Monitoring(SUPERVISOR, SupervisorMode.Monitor, MonitoringScope.AllChats, "Boss"));

        List<Notification> told = to(accepted, agent(SUPERVISOR));
        assertEquals(List.of("StatusChange", "NewMessages"), types(told));
        assertEquals(Capabilities.MONITORING, stateChange(told.get(0)).chat().capabilities());
        assertEquals(List.of("ParticipantJoined", "ParticipantJoined"),
                ((Notification.NewMessages) told.get(1)).messages().stream().map(Message::type).toList(),
                "the customer's and the agent's joins");
        assertEquals(List.of("StatusChange", "NewMessages"), types(to(accepted, agent(AGENT_A))),
                "the agent gets only their own Accept's notifications");
        assertEquals(1, to(accepted, f.customer()).size(), "the customer reads only the agent's join");
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("Boss")));
    }

    @Test
    void aCoachAndABargingSupervisorJoinAsTheirModesSay() {
        ChatFixture f = ChatFixture.opened();
        f.route(new AgentLoad(AGENT_A, 0));
        String other = "6f6f6f6f6f6f6f6f6f6f6f6f6f6f6f6f";

        Outcome.Applied accepted = acceptWatched(f, AGENT_A,
                new Monitoring(SUPERVISOR, SupervisorMode.Coach, MonitoringScope.NextChat, "Coach"),
                new Monitoring(other, SupervisorMode.BargeIn, MonitoringScope.AllChats, "Manager"));

        assertEquals(List.of("StatusChange", "NewMessages", "ParticipantsUpdated", "NewMessages",
                "ParticipantsUpdated", "NewMessages"), types(to(accepted, agent(AGENT_A))));
        List<Notification> toCustomer = to(accepted, f.customer());
        assertEquals(2, toCustomer.size(), "the agent's join, then the barging supervisor's");
        assertEquals("Manager", ((Notification.NewMessages) toCustomer.get(1)).messages().get(0).from().nickname());
        assertEquals(List.of("Agents", "All"), f.chat.joinedSupervisors().stream()
                .map(p -> p.visibility().name()).toList());
        assertThat(nicknames(Views.forCustomer(f.chat, f.moment())), not(hasItem("Coach")));
    }

    @Test
    void aBargingMonitorIsLeftOutOfAFullChat() {
        ChatFixture f = ChatFixture.opened(new Policy(ChatFixture.OFFER_TIMEOUT, 2, 4));
        f.route(new AgentLoad(AGENT_A, 0));

        Outcome.Applied accepted = acceptWatched(f, AGENT_A,
                new Monitoring(SUPERVISOR, SupervisorMode.BargeIn, MonitoringScope.AllChats, "Boss"));

        assertEquals(List.of(), to(accepted, agent(SUPERVISOR)));
        assertTrue(f.chat.joinedSupervisors().isEmpty());
        assertEquals(ChatState.Chatting, Views.agentState(f.chat, AGENT_A), "the agent's Accept still stands");
    }
}
