package io.parley.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The API as a test drives it: users, sessions, chats and operations, each step checked for success. */
public final class Parley {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    public record Agent(String id, String userName, String token) {
        public String uri() {
            return "http://localhost:8080/api/v2/users/" + id;
        }
    }

    public record Customer(String chatId, String participantId, String token) {
    }

    /** Agents a test made Ready: they are logged out after it, so that the next test's chats are not theirs. */
    private static final List<Agent> SIGNED_IN = new CopyOnWriteArrayList<>();

    private Parley() {
    }

    /**
     * Forgets the agents signed in so far without signing them out: for a test class whose own application is gone,
     * so that the next class does not try to end sessions on an application that never knew them.
     */
    public static void forgetSessions() {
        SIGNED_IN.clear();
    }

    public static void endSessions() {
        for (Agent agent : SIGNED_IN) {
            ok(as(agent.token()).body(Map.of("operationName", "EndContactCenterSession")).post("/api/v2/me"));
        }
        SIGNED_IN.clear();
    }

    public static String token(String userName, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", userName, "password", password))
                .post("/api/v2/auth/token")
                .then().statusCode(200).body("statusCode", equalTo(0))
                .extract().path("access_token");
    }

    private static volatile String adminToken;

    /** The bootstrap administrator's token, signed in once per test application. */
    public static String adminToken() {
        String token = adminToken;
        if (token == null || as(token).get("/api/v2/me").statusCode() != 200) {
            token = token("admin", ADMIN_PASSWORD);
            adminToken = token;
        }
        return token;
    }

    /** A unique user name, so that tests never collide on a shared Redis. */
    public static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Agent createAgent(String base) {
        return createAgent(base, List.of());
    }

    /** An agent who serves {@code queues} (none: the default queue). */
    public static Agent createAgent(String base, List<String> queues) {
        String userName = uniqueName(base);
        Map<String, Object> user = new HashMap<>(Map.of("userName", userName, "password",
                "password-" + userName, "firstName", base, "lastName", "Test"));
        if (!queues.isEmpty()) {
            user.put("queues", queues);
        }
        String id = as(adminToken()).body(user).post("/api/v2/users")
                .then().statusCode(200).body("statusCode", equalTo(0)).extract().path("id");
        return new Agent(id, userName, token(userName, "password-" + userName));
    }

    /** A user who holds only the role {@code supervisor}: no chat channel, no desk. */
    public static Agent createSupervisor(String base) {
        String userName = uniqueName(base);
        Map<String, Object> user = Map.of("userName", userName, "password", "password-" + userName,
                "roles", List.of("supervisor"));
        String id = as(adminToken()).body(user).post("/api/v2/users")
                .then().statusCode(200).body("statusCode", equalTo(0)).extract().path("id");
        return new Agent(id, userName, token(userName, "password-" + userName));
    }

    /** An agent who is logged in to the chat channel and Ready. */
    public static Agent readyAgent(String base) {
        return readyAgent(base, List.of());
    }

    /** An agent of {@code queues}, logged in to the chat channel and Ready. */
    public static Agent readyAgent(String base, List<String> queues) {
        Agent agent = createAgent(base, queues);
        ok(as(agent.token()).body(Map.of("operationName", "StartContactCenterSession", "channels", new String[] { "chat" }))
                .post("/api/v2/me"));
        ok(as(agent.token()).body(Map.of("operationName", "Ready")).post("/api/v2/me/channels/chat"));
        SIGNED_IN.add(agent);
        return agent;
    }

    public static void notReady(Agent agent) {
        ok(as(agent.token()).body(Map.of("operationName", "NotReady")).post("/api/v2/me/channels/chat"));
    }

    public static Customer startChat(String nickname) {
        Response reply = given().contentType(ContentType.JSON).body(Map.of("nickname", nickname))
                .post("/api/v2/chats");
        reply.then().statusCode(200).body("statusCode", equalTo(0));
        return new Customer(reply.path("chatId"), reply.path("participantId"), reply.path("token"));
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** Performs an agent operation and returns its referenceId. */
    public static int operate(Agent agent, String chatId, Map<String, ?> body) {
        return ok(as(agent.token()).body(body).post("/api/v2/me/chats/" + chatId)).path("referenceId");
    }

    public static int customerOperate(Customer customer, Map<String, ?> body) {
        return ok(as(customer.token()).body(body).post("/api/v2/chats/" + customer.chatId())).path("referenceId");
    }

    public static Response ok(Response response) {
        response.then().statusCode(200).body("statusCode", equalTo(0));
        return response;
    }

    public static String chatUri(String chatId) {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v2/chats/" + chatId;
    }

    /**
     * The notification stream: on the application under test, or on the push instance beside it when the tests
     * call the api role as a Lambda function, which cannot hold a stream open ({@link #PUSH_URL}).
     */
    public static String sseUrl() {
        String push = System.getProperty(PUSH_URL);
        String base = push != null ? push
                : io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        return base + "/api/v2/notifications";
    }

    /**
     * The base URL of a separate push instance, when one serves the notification streams. Not under parley.: the
     * application would refuse a system property there that it does not know.
     */
    public static final String PUSH_URL = "push-pod.url";
}
