package io.parley.api;

import static io.parley.support.Parley.as;
import static io.parley.support.Parley.ok;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;

/** The agent's session and channels as GWS desktops read them (issue sections 5 and 4, and reasonCode). */
@QuarkusTest
class SessionAndChannelsTest {

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    @DisplayName("GET /me?subresources=* gives channels, devices and chats "
            + "(https://docs.genesys.com/Documentation:GWS:API:RequestParameters:8.5.0)")
    void meWithSubresources() {
        Agent agent = Parley.readyAgent("subres");
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(agent, stream, "Sub");

            as(agent.token()).get("/api/v2/me?subresources=*").then().statusCode(200)
                    .body("statusCode", equalTo(0))
                    .body("user.id", equalTo(agent.id()))
                    .body("user.channels.channel", contains("chat"))
                    .body("user.channels[0].userState.state", equalTo("Ready"))
                    .body("user.devices", empty())
                    .body("user.chats.id", contains(customer.chatId()))
                    .body("user.chats[0].state", equalTo("Chatting"))
                    .body("user.chats[0].chatType", equalTo("Inbound"));
            as(agent.token()).get("/api/v2/me").then().statusCode(200)
                    .body("user.channels.channel", contains("chat"))
                    .body("user.devices", nullValue())
                    .body("user.chats", nullValue());
        }
    }

    @Test
    @DisplayName("NotReady with a reasonCode shows it in the channel's userState until Ready "
            + "(https://docs.genesys.com/Documentation/GWS/8.5.0/API/QueryAgentState)")
    void reasonCode() {
        Agent agent = Parley.readyAgent("reason");

        ok(as(agent.token()).body(Map.of("operationName", "NotReady", "reasonCode", "Lunch"))
                .post("/api/v2/me/channels/chat"));

        as(agent.token()).get("/api/v2/me/channels").then().statusCode(200)
                .body("statusCode", equalTo(0))
                .body("channels.channel", contains("chat"))
                .body("channels[0].userState.state", equalTo("NotReady"))
                .body("channels[0].userState.reasonCode", equalTo("Lunch"))
                .body("channels[0].userState.displayName", equalTo("Not Ready"));
        as(agent.token()).get("/api/v2/me").then().body("user.channels[0].userState.reasonCode", equalTo("Lunch"));

        ok(as(agent.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        as(agent.token()).get("/api/v2/me/channels").then()
                .body("channels[0].userState.state", equalTo("Ready"))
                .body("channels[0].userState.reasonCode", nullValue());
    }

    @Test
    @DisplayName("a reasonCode on Ready, or one holding a control character, is refused and changes nothing")
    void badReasonCode() {
        Agent agent = Parley.readyAgent("badreason");

        as(agent.token()).body(Map.of("operationName", "Ready", "reasonCode", "Lunch"))
                .post("/api/v2/me/channels/chat").then().statusCode(400).body("statusCode", equalTo(10));
        as(agent.token()).body(Map.of("operationName", "NotReady", "reasonCode", "Lu\u0007nch"))
                .post("/api/v2/me/channels/chat").then().statusCode(400).body("statusCode", equalTo(10));

        as(agent.token()).get("/api/v2/me/channels").then().body("channels[0].userState.state", equalTo("Ready"));
    }

    @Test
    @DisplayName("StartContactCenterSession naming voice and email starts chat and answers 7 with what failed "
            + "(https://docs.genesys.com/Documentation/HTCC/latest/API/StartContactCenterSession)")
    void partialSuccess() {
        Agent agent = Parley.createAgent("partial");

        var reply = as(agent.token())
                .body(Map.of("operationName", "StartContactCenterSession", "channels", List.of("voice", "chat",
                        "email")))
                .post("/api/v2/me");

        reply.then().statusCode(200).body("statusCode", equalTo(7))
                .body("channels.channel", contains("chat", "voice", "email"))
                .body("channels.statusCode", contains(0, 10, 10));
        assertEquals(null, (Object) reply.path("channels[0].statusMessage"));
        as(agent.token()).get("/api/v2/me/channels").then().body("channels[0].userState.state",
                equalTo("NotReady"));
        ok(as(agent.token()).body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));
    }

    @Test
    @DisplayName("GET /me/chats gives uris, or the chats with fields=*, or the fields named "
            + "(https://docs.genesys.com/Documentation/HTCC/latest/API/RequestTypes)")
    void chatsHonourFields() {
        Agent agent = Parley.readyAgent("fields");
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Customer customer = InviteFlowTest.chattingWith(agent, stream, "Fields");

            as(agent.token()).get("/api/v2/me/chats").then().statusCode(200)
                    .body("statusCode", equalTo(0))
                    .body("uris", contains(Parley.chatUri(customer.chatId())))
                    .body("chats", nullValue());
            as(agent.token()).get("/api/v2/me/chats?fields=*").then().statusCode(200)
                    .body("chats.id", contains(customer.chatId()))
                    .body("chats[0].capabilities", contains(io.parley.support.SeedCapabilities.ALONE.toArray()));
            as(agent.token()).get("/api/v2/me/chats?fields=id,state").then().statusCode(200)
                    .body("chats", contains(Map.of("id", customer.chatId(), "state", "Chatting")));
            as(agent.token()).get("/api/v2/me/chats?fields=id;drop").then().statusCode(400)
                    .body("statusCode", equalTo(10));
        }
    }
}
