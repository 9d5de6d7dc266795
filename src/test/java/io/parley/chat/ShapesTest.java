package io.parley.chat;

import static io.parley.chat.ChatFixture.AGENT_A;
import static io.parley.chat.ChatFixture.AGENT_B;
import static io.parley.chat.ChatFixture.BASE_URL;
import static io.parley.chat.ChatFixture.CHAT_ID;
import static io.parley.chat.ChatFixture.START;
import static io.parley.chat.ChatFixture.agent;
import static io.parley.chat.ChatFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fields GWS clients read beyond the seed: who an agent is, where a chat lives, when it came. */
class ShapesTest {

    private static final String GWS_TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}";

    @Test
    @DisplayName("agents in participants carry their user's uri and path; the customer none "
            + "(https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSendCustomNotice)")
    void agentsCarryTheirUser() {
        ChatFixture f = ChatFixture.conference();

        ChatView view = f.viewOf(AGENT_A);

        for (Party party : view.participants()) {
            if (party.type().equals("Customer")) {
                assertNull(party.uri());
                assertNull(party.path());
            } else {
                String userId = f.chat.participant(party.participantId()).orElseThrow().userId();
                assertEquals(BASE_URL + "/api/v2/users/" + userId, party.uri());
                assertEquals("/users/" + userId, party.path());
            }
        }
        Party me = view.participants().stream().filter(p -> ("/users/" + AGENT_A).equals(p.path())).findFirst()
                .orElseThrow();
        assertEquals("TestName", me.nickname());
    }

    @Test
    @DisplayName("the customer is not shown the agents' user uri or path")
    void theCustomerSeesNoUserUris() {
        ChatFixture f = ChatFixture.conference();

        for (Party party : Views.forCustomer(f.chat, f.moment()).participants()) {
            assertNull(party.uri(), party.toString());
        }
        Outcome.Applied said = f.say(AGENT_A, "hello");
        var toCustomer = assertInstanceOf(Notification.NewMessages.class, to(said, f.customer()).get(0));
        assertNull(toCustomer.messages().get(0).from().uri());
        var toAgent = assertInstanceOf(Notification.NewMessages.class, to(said, agent(AGENT_B)).get(0));
        assertEquals("/users/" + AGENT_A, toAgent.messages().get(0).from().path());
    }

    @Test
    @DisplayName("a custom notice's from carries uri, path, visibility and id; MessageLogUpdated carries chatPath "
            + "(https://docs.genesys.com/Documentation/HTCC/latest/API/ChatSendCustomNotice)")
    void customNoticeSender() {
        ChatFixture f = ChatFixture.conference();

        Outcome.Applied sent = f.byAgent(AGENT_A, new Operation.Post("SendCustomNotice", MessageType.CustomNotice,
                false, "This is a custom notice"));

        var told = assertInstanceOf(Notification.NewMessages.class, to(sent, agent(AGENT_B)).get(0));
        assertEquals("/chats/" + CHAT_ID, told.chatPath());
        assertEquals(BASE_URL + "/api/v2/chats/" + CHAT_ID, told.chatUri());
        Message notice = told.messages().get(0);
        assertEquals("CustomNotice", notice.type());
        Party from = notice.from();
        String participantId = f.seatOf(AGENT_A).participantId();
        assertEquals(new Party("TestName", "Agent", participantId, "All", BASE_URL + "/api/v2/users/" + AGENT_A,
                "/users/" + AGENT_A, participantId), from);
    }

    @Test
    @DisplayName("timestamps in GWS's form 2014-01-06 12:14:06.007-0800, read back to the same instant "
            + "(the seed's Invite page)")
    void timestampForm() {
        ChatFixture f = ChatFixture.withAgentA();
        f.now = START + 1234;

        Message said = f.say(AGENT_A, "hi").messages().get(0);

        assertTrue(said.timestamp().matches(GWS_TIMESTAMP), said.timestamp());
        assertEquals(f.now, OffsetDateTime.parse(said.timestamp(), Moment.TIMESTAMP).toInstant().toEpochMilli());
        assertEquals(f.now, said.timestampSeconds());
        assertEquals(START, OffsetDateTime.parse("2014-01-06 12:14:06.007-0800", Moment.TIMESTAMP).toInstant()
                .toEpochMilli(), "the seed's own timestamp reads with the same pattern");
    }

    @Test
    @DisplayName("chats carry receivedDate (when the customer started it) and chatType")
    void receivedDateAndChatType() {
        ChatFixture f = ChatFixture.withAgentA();
        f.now = START + 60_000;

        ChatView view = f.viewOf(AGENT_A);

        assertEquals("Inbound", view.chatType());
        assertTrue(view.receivedDate().matches(GWS_TIMESTAMP), view.receivedDate());
        assertEquals(START, OffsetDateTime.parse(view.receivedDate(), Moment.TIMESTAMP).toInstant().toEpochMilli());
        assertEquals(view.receivedDate(), Views.forCustomer(f.chat, f.moment()).receivedDate());
    }

    @Test
    @DisplayName("LeftChat lists InFocus, as GWS's Leave page shows, and SetInFocus works there "
            + "(https://docs.genesys.com/Documentation/HTCC/latest/API/ChatLeave)")
    void focusInLeftChat() {
        ChatFixture f = ChatFixture.withAgentA();
        f.leave(AGENT_A);

        assertTrue(f.viewOf(AGENT_A).capabilities().contains("InFocus"));
        Outcome.Applied focused = f.byAgent(AGENT_A, new Operation.SetInFocus());
        assertTrue(focused.referenceId() > 0);
    }
}
