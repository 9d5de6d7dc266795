package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.AGENT_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CapabilitiesTest {

    static Stream<Arguments> viewers() {
        return Stream.of(
                viewer("the only agent", ChatFixture::withAgentA, f -> f.viewOf(AGENT_A),
                        "Chatting", ChatFixture.ALONE),
                viewer("an agent in a conference", ChatFixture::conference, f -> f.viewOf(AGENT_A),
                        "Chatting", ChatFixture.CONFERENCE),
                viewer("the agent who joined the conference", ChatFixture::conference, f -> f.viewOf(AGENT_B),
                        "Chatting", ChatFixture.CONFERENCE),
                viewer("an agent with a third agent invited but not yet joined", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.invite(AGENT_A, AGENT_B);
                    return f;
                }, f -> f.viewOf(AGENT_A), "Chatting", ChatFixture.ALONE),
                viewer("a consultant", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.consult(AGENT_A, AGENT_B);
                    f.accept(AGENT_B, "Expert");
                    return f;
                }, f -> f.viewOf(AGENT_B), "Chatting", ChatFixture.CONSULTANT),
                viewer("the agent a consultant advises", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.consult(AGENT_A, AGENT_B);
                    f.accept(AGENT_B, "Expert");
                    return f;
                }, f -> f.viewOf(AGENT_A), "Chatting", ChatFixture.CONFERENCE),
                viewer("an invited agent", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.invite(AGENT_A, AGENT_B);
                    return f;
                }, f -> f.viewOf(AGENT_B), "Invited", ChatFixture.INVITED),
                viewer("an agent offered a queued chat", () -> {
                    ChatFixture f = ChatFixture.opened();
                    f.route(new AgentLoad(AGENT_A, 0));
                    return f;
                }, f -> f.viewOf(AGENT_A), "Invited", ChatFixture.INVITED),
                viewer("the last agent who left", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.leave(AGENT_A);
                    return f;
                }, f -> f.viewOf(AGENT_A), "LeftChat", ChatFixture.LEFT_CHAT),
                viewer("an agent who left a conference", () -> {
                    ChatFixture f = ChatFixture.conference();
                    f.leave(AGENT_B);
                    return f;
                }, f -> f.viewOf(AGENT_B), "Completed", List.of()),
                viewer("an agent who completed", () -> {
                    ChatFixture f = ChatFixture.withAgentA();
                    f.complete(AGENT_A);
                    return f;
                }, f -> f.viewOf(AGENT_A), "Completed", List.of()),
                viewer("an agent never part of the chat", ChatFixture::conference, f -> f.viewOf(AGENT_C),
                        "Completed", List.of()));
    }

    private static Arguments viewer(String who, Supplier<ChatFixture> chat,
            Function<ChatFixture, ChatView> view, String state, List<String> capabilities) {
        return Arguments.of(who, chat, view, state, capabilities);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewers")
    void capabilitiesAreThoseOfTheViewersState(String who, Supplier<ChatFixture> chat,
            Function<ChatFixture, ChatView> view, String state, List<String> capabilities) {
        ChatView seen = view.apply(chat.get());

        assertEquals(state, seen.state());
        assertEquals(capabilities, seen.capabilities());
    }

    @Test
    void customerCapabilitiesAreTheConversationAndLeave() {
        ChatFixture f = ChatFixture.withAgentA();

        ChatView seen = Views.forCustomer(f.chat, f.moment());

        assertEquals("Chatting", seen.state());
        assertEquals(List.of("SendMessage", "SendStartTypingNotification", "SendStopTypingNotification", "Leave"),
                seen.capabilities());
    }

    @Test
    void anOperationOutsideTheViewersStateIsInvalidState() {
        ChatFixture f = ChatFixture.withAgentA();
        f.invite(AGENT_A, AGENT_B);

        Outcome outcome = f.decide(new Actor.Agent(AGENT_B),
                new Operation.Post("SendMessage", MessageType.Text, false, "too early"), Availability.Unknown);

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, outcome).statusCode());
    }

    @Test
    void sendToAgentsIsInvalidForTheOnlyAgent() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome outcome = f.decide(new Actor.Agent(AGENT_A),
                new Operation.Post("SendToAgents", MessageType.Text, true, "anyone?"), Availability.Unknown);

        assertEquals(StatusCode.INVALID_STATE, assertInstanceOf(Outcome.Refused.class, outcome).statusCode());
    }

    @Test
    void unlistedOperationsAreStillAcceptedWhileChatting() {
        ChatFixture f = ChatFixture.withAgentA();

        Outcome.Applied sent = f.byAgent(AGENT_A,
                new Operation.Post("SendUrl", MessageType.PushUrl, false, "https://example.com/help"));

        Message url = sent.messages().get(0);
        assertEquals("PushUrl", url.type());
        assertEquals("https://example.com/help", url.url());
    }
}
