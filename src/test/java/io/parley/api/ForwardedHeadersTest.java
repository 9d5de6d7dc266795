package io.parley.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Forwarded headers sent by a client, not by a proxy Parley was told to trust, change nothing: neither the URI the
 * customer gets back nor the one in the offer the agent receives.
 */
@QuarkusTest
@ExtendWith(NoStackTraces.class)
class ForwardedHeadersTest {

    static final Map<String, String> FORGED = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
            "X-Forwarded-Port", "8443", "Forwarded", "host=evil.example;proto=https");

    /** The chat's URI as the starting customer is told it, and as its offer tells the Ready agent. */
    record Uris(String chatId, String reply, String offer, String offerJson) {
    }

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @Test
    void aClientsForwardedHeadersAreIgnored() {
        Uris uris = startChat(FORGED);

        String own = "http://localhost:" + RestAssured.port + "/api/v2/chats/" + uris.chatId();
        assertEquals(own, uris.reply());
        assertEquals(own, uris.offer());
        assertFalse(uris.offerJson().contains("evil.example"), uris.offerJson());
    }

    @Test
    void aRequestWithoutHostIsBadInput() {
        // no forwarded headers stand in for it any more: HTTP/1.1 requires the Host header
        RawHttp.Reply reply = RawHttp.head("GET /api/v2/ping HTTP/1.1\r\n\r\n");

        Refusals.assertRefused("no Host", reply.status(), reply.contentType(), reply.body(), Refusals.INVALID);
    }

    /** A customer starts a chat with {@code headers}; a Ready agent is offered it. */
    static Uris startChat(Map<String, String> headers) {
        Agent agent = Parley.readyAgent("forwarded");
        try (SseClient stream = SseClient.connect(Parley.sseUrl(), agent.token(), null)) {
            Response started = given().contentType(ContentType.JSON).headers(headers)
                    .body(Map.of("nickname", "FirstL")).post("/api/v2/chats");
            started.then().statusCode(200);
            SseClient.Event offer = stream.nextOfType("StatusChange");
            // the chat ends here, so that it is never offered to another test's agent
            Parley.customerOperate(new Parley.Customer(started.path("chatId"), started.path("participantId"),
                    started.path("token")), Map.of("operationName", "Leave"));
            stream.nextOfType("StatusChange");
            return new Uris(started.path("chatId"), started.path("uri"),
                    offer.json().getJsonObject("chat").getString("uri"), offer.data());
        }
    }
}
