package io.parley.chat;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.support.SeedCapabilities;

/**
 * One chat driven through {@link ChatRules} the way the shell drives it: every applied outcome is committed (chat
 * and transcript), refusals and no-ops leave it as it was.
 */
final class ChatFixture {

    static final String CHAT_ID = "0000Na9B26EF006E";
    static final String ID_STEM = "009052CB05CA";
    static final String BASE_URL = "http://localhost:8080";
    static final String CHAT_URI = BASE_URL + "/api/v2/chats/" + CHAT_ID;
    static final String AGENT_A = "429a55994ef64991a77acb77c1cf9041";
    static final String AGENT_B = "5d0c7e3f1a2b4c6d8e9f0a1b2c3d4e5f";
    static final String AGENT_C = "77aa00bb11cc22dd33ee44ff55667788";
    static final long START = 1_389_039_246_007L;
    static final long OFFER_TIMEOUT = 30_000;
    static final Policy POLICY = new Policy(OFFER_TIMEOUT, 6, 4);

    static final List<String> ALONE = SeedCapabilities.ALONE;
    static final List<String> CONFERENCE = SeedCapabilities.CONFERENCE;
    static final List<String> INVITED = SeedCapabilities.INVITED;
    static final List<String> LEFT_CHAT = SeedCapabilities.LEFT_CHAT;
    static final List<String> CONSULTANT = SeedCapabilities.CONSULTANT;

    final ChatRules rules;
    final List<Message> transcript = new ArrayList<>();
    Chat chat;
    long now = START;

    private ChatFixture(Policy policy) {
        this.rules = new ChatRules(policy);
    }

    /** The customer "FirstL" has started a chat; it waits in the queue. */
    static ChatFixture opened() {
        return opened(POLICY);
    }

    static ChatFixture opened(Policy policy) {
        ChatFixture fixture = new ChatFixture(policy);
        Outcome.Applied opened = fixture.rules.open(CHAT_ID, ID_STEM, "FirstL", "help", Map.of(), fixture.moment());
        fixture.chat = opened.chat();
        fixture.transcript.addAll(opened.messages());
        return fixture;
    }

    /** Agent A, "TestName", chats with the customer: the seed's chat before the Invite. */
    static ChatFixture withAgentA() {
        return withAgentA(POLICY);
    }

    static ChatFixture withAgentA(Policy policy) {
        ChatFixture fixture = opened(policy);
        fixture.route(new AgentLoad(AGENT_A, 0));
        fixture.accept(AGENT_A, "TestName");
        return fixture;
    }

    /** A invited B, who joined as "BFriend": the seed's chat after the Invite. */
    static ChatFixture conference() {
        ChatFixture fixture = withAgentA();
        fixture.invite(AGENT_A, AGENT_B);
        fixture.accept(AGENT_B, "BFriend");
        return fixture;
    }

    Moment moment() {
        return new Moment(now, BASE_URL);
    }

    Outcome decide(Actor actor, Operation operation, Availability availability) {
        List<Message> history = operation.needsTranscript() ? List.copyOf(transcript) : List.of();
        Outcome outcome = rules.decide(chat, actor, operation, moment(), availability, history);
        if (outcome instanceof Outcome.Applied applied) {
            chat = applied.chat();
            transcript.addAll(applied.messages());
        }
        return outcome;
    }

    Outcome.Applied apply(Actor actor, Operation operation, Availability availability) {
        return assertInstanceOf(Outcome.Applied.class, decide(actor, operation, availability),
                () -> operation + " should have been applied");
    }

    Outcome.Applied byAgent(String userId, Operation operation) {
        return apply(new Actor.Agent(userId), operation, Availability.Unknown);
    }

    Outcome.Applied route(AgentLoad... readyAgents) {
        return apply(new Actor.System(), new Operation.Route(List.of(readyAgents)), Availability.Unknown);
    }

    Outcome.Applied accept(String userId, String nickname) {
        return byAgent(userId, new Operation.Accept(nickname));
    }

    Outcome.Applied reject(String userId) {
        return byAgent(userId, new Operation.Reject());
    }

    Outcome offer(InvitationKind kind, String from, String to, Availability availability) {
        return decide(new Actor.Agent(from), new Operation.Offer(kind, to), availability);
    }

    Outcome.Applied invite(String from, String to) {
        return apply(new Actor.Agent(from), new Operation.Offer(InvitationKind.Invite, to), Availability.Ready);
    }

    Outcome.Applied consult(String from, String to) {
        return apply(new Actor.Agent(from), new Operation.Offer(InvitationKind.Consult, to), Availability.Ready);
    }

    Outcome expire(String userId) {
        return decide(new Actor.System(), new Operation.ExpireOffer(userId), Availability.Unknown);
    }

    Outcome.Applied say(String userId, String text) {
        return byAgent(userId, new Operation.Post("SendMessage", MessageType.Text, false, text));
    }

    Outcome.Applied sayToAgents(String userId, String text) {
        return byAgent(userId, new Operation.Post("SendToAgents", MessageType.Text, true, text));
    }

    Outcome.Applied leave(String userId) {
        return byAgent(userId, new Operation.Depart("Leave", false, null));
    }

    Outcome.Applied complete(String userId) {
        return byAgent(userId, new Operation.Depart("Complete", true, null));
    }

    Outcome.Applied customerSays(String text) {
        return apply(customerActor(), new Operation.Post("SendMessage", MessageType.Text, false, text),
                Availability.Unknown);
    }

    Outcome.Applied customerLeaves() {
        return apply(customerActor(), new Operation.Depart("Leave", false, null), Availability.Unknown);
    }

    Actor.Customer customerActor() {
        return new Actor.Customer(chat.customer().orElseThrow().participantId());
    }

    Recipient customer() {
        return Recipient.customer(CHAT_ID, chat.customer().orElseThrow().participantId());
    }

    Participant seatOf(String userId) {
        return chat.agentSeat(userId).orElseThrow();
    }

    ChatView viewOf(String userId) {
        return Views.forAgent(chat, userId, moment(), false);
    }

    static Recipient agent(String userId) {
        return Recipient.agent(userId);
    }

    static List<Notification> to(Outcome.Applied outcome, Recipient recipient) {
        return outcome.deliveries().stream()
                .filter(d -> d.recipient().equals(recipient))
                .map(Delivery::notification)
                .toList();
    }

    static Long referenceIdOf(Notification notification) {
        return switch (notification) {
            case Notification.ChatStateChange change -> change.referenceId();
            case Notification.NewMessages messages -> messages.referenceId();
        };
    }

    static List<String> nicknames(ChatView view) {
        return view.participants().stream().map(Party::nickname).toList();
    }
}
