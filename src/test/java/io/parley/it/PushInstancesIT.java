package io.parley.it;

import static io.parley.support.Parley.customerOperate;
import static io.parley.support.Parley.operate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.CometdClient;
import io.parley.support.Gws;
import io.parley.support.Parley;
import io.parley.support.Parley.Agent;
import io.parley.support.Parley.Customer;
import io.parley.support.RedisTestResource;
import io.parley.support.SseClient;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * The packaged application as it is deployed: one api-only instance and two push-only instances on one Redis.
 * Notifications cross instances through Redis, an offer's timer fires exactly once although both push instances
 * sweep, and a push instance killed outright costs its clients nothing they cannot get back with their last id.
 */
class PushInstancesIT {

    private static final long OFFER_TIMEOUT_MILLIS = 2_000;

    private static final RedisTestResource REDIS = new RedisTestResource();
    private static ParleyProcess api;
    private static ParleyProcess pushOne;
    private static ParleyProcess pushTwo;
    private static Map<String, String> environment;

    @BeforeAll
    static void deploy() throws Exception {
        Map<String, String> redis = REDIS.start();
        environment = OperatorSettings.withTokenKeys(OperatorSettings.on(redis));
        environment.put("PARLEY_OFFER_TIMEOUT", OFFER_TIMEOUT_MILLIS + "ms");
        api = ParleyProcess.start("api", freePort(), with(environment, "api"));
        pushOne = ParleyProcess.start("push-1", freePort(), with(environment, "push"));
        pushTwo = ParleyProcess.start("push-2", freePort(), with(environment, "push"));
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = api.port();
    }

    @AfterAll
    static void undeploy() {
        for (ParleyProcess process : new ParleyProcess[] { api, pushOne, pushTwo }) {
            if (process != null) {
                process.close();
            }
        }
        REDIS.stop();
        RestAssured.reset();
        Parley.forgetSessions();
    }

    @Test
    void aLapsedInviteIsReportedOnceAcrossPushInstances() {
        Agent host = Parley.readyAgent("host");
        try (SseClient hostStream = SseClient.connect(notifications(pushOne), host.token(), null)) {
            Customer customer = Parley.startChat("FirstL");
            hostStream.nextOfType("StatusChange");
            operate(host, customer.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));
            hostStream.nextOfType("StatusChange");
            hostStream.nextOfType("NewMessages");

            Agent guest = Parley.readyAgent("guest");
            try (SseClient guestStream = SseClient.connect(notifications(pushTwo), guest.token(), null)) {
                long invitedAt = System.currentTimeMillis();
                int referenceId = operate(host, customer.chatId(),
                        Map.of("operationName", "Invite", "targetUri", guest.uri()));
                assertEquals("Invited", guestStream.nextOfType("StatusChange").json()
                        .getJsonObject("chat").getString("state"));

                JsonObject error = hostStream.next(Duration.ofMillis(OFFER_TIMEOUT_MILLIS + 5_000)).json();
                long firedAfter = System.currentTimeMillis() - invitedAt;
                assertEquals("Error", error.getString("notificationType"));
                assertEquals(referenceId, error.getInteger("referenceId"));
                // not before the deadline; after it, within a few sweeps (wide: two busy cores delay sweeps by seconds)
                assertTrue(firedAfter >= OFFER_TIMEOUT_MILLIS, "not before the deadline: " + firedAfter);
                assertTrue(firedAfter <= OFFER_TIMEOUT_MILLIS + 4_000, "within 4 s of the deadline: " + firedAfter);
                assertEquals("Revoked", guestStream.nextOfType("StatusChange").json()
                        .getJsonObject("chat").getString("state"));

                assertEquals(List.of(), hostStream.drain(Duration.ofMillis(2_500)), "reported once");
                assertEquals(List.of(), guestStream.drain(Duration.ofMillis(200)), "revoked once");
            }
        }
    }

    @Test
    void aKilledPushInstanceCostsItsClientsNothing() throws Exception {
        Agent host = Parley.readyAgent("host");
        Customer customer;
        String lastSeen;
        try (SseClient hostStream = SseClient.connect(notifications(pushOne), host.token(), null)) {
            customer = Parley.startChat("FirstL");
            hostStream.nextOfType("StatusChange");
            operate(host, customer.chatId(), Map.of("operationName", "Accept", "nickname", "TestName"));
            hostStream.nextOfType("StatusChange");
            hostStream.nextOfType("NewMessages");
            customerOperate(customer, Map.of("operationName", "SendMessage", "text", "before"));
            SseClient.Event before = hostStream.nextOfType("NewMessages");
            assertEquals("before", text(before));
            lastSeen = before.id();

            pushOne.kill();
            for (int i = 1; i <= 3; i++) {
                customerOperate(customer, Map.of("operationName", "SendMessage", "text", "while down " + i));
            }
        }
        pushOne = ParleyProcess.start("push-1-restarted", pushOne.port(), with(environment, "push"));

        try (SseClient again = SseClient.connect(notifications(pushOne), host.token(), lastSeen)) {
            List<String> missed = List.of(text(again.next()), text(again.next()), text(again.next()));
            assertEquals(List.of("while down 1", "while down 2", "while down 3"), missed);
            assertEquals(List.of(), again.drain(Duration.ofMillis(500)), "nothing twice, nothing older");
            customerOperate(customer, Map.of("operationName", "SendMessage", "text", "after"));
            assertEquals("after", text(again.nextOfType("NewMessages")));
        }
    }

    @Test
    void aSessionOpenedOnTheApiInstanceIsAcceptedByEveryPushInstanceUntilItEnds() {
        Parley.endSessions(); // the other tests' Ready agents, so that the chat below is offered to this one
        Agent agent = Parley.createAgent("desktop");
        Gws.Session session = Gws.signIn(agent.userName(), "password-" + agent.userName());
        Parley.ok(session.request().body(Map.of("operationName", "StartContactCenterSession")).post("/api/v2/me"));
        Parley.ok(session.request().body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        Map<String, String> cookie = Map.of("Cookie", Gws.COOKIE + "=" + session.cookie());

        try (SseClient stream = SseClient.connect(notifications(pushOne), cookie);
                CometdClient cometd = CometdClient.create(notifications(pushTwo), CometdClient.Transport.LONG_POLLING,
                        Map.of(session.csrfHeader(), session.csrfToken()), Map.of(Gws.COOKIE, session.cookie()),
                        false)) {
            assertEquals(200, stream.status());
            assertTrue(cometd.handshake().isSuccessful());
            assertTrue(cometd.subscribe("/v2/me/chats").isSuccessful());
            Customer customer = Parley.startChat("FirstL");
            assertEquals(customer.chatId(), stream.nextOfType("StatusChange").json().getJsonObject("chat")
                    .getString("id"));
            assertEquals(customer.chatId(), cometd.next().json().getJsonObject("chat").getString("id"));
            // the customer goes, so that no chat of this test waits in the queue for the other tests' agents
            customerOperate(customer, Map.of("operationName", "Leave"));
        }

        Parley.ok(session.request().body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));
        for (ParleyProcess push : List.of(pushOne, pushTwo)) {
            try (SseClient refused = SseClient.connect(notifications(push), cookie)) {
                assertEquals(401, refused.status(), "an ended session is refused by " + push.baseUrl());
            }
        }
    }

    private static String text(SseClient.Event event) {
        return event.json().getJsonArray("messages").getJsonObject(0).getString("text");
    }

    private static String notifications(ParleyProcess push) {
        return push.baseUrl() + "/api/v2/notifications";
    }

    private static Map<String, String> with(Map<String, String> environment, String role) {
        Map<String, String> own = new HashMap<>(environment);
        own.put("PARLEY_ROLE", role);
        return own;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
