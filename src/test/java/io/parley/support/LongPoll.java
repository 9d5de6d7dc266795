package io.parley.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A CometD client driven message by message over long-polling, as a browser's requests are: each message is one
 * {@code POST} with the bearer token (when it has one), and the {@code BAYEUX_BROWSER} cookie of the handshake goes
 * with every later request, as a browser's cookie jar sends it.
 */
public final class LongPoll {

    public static final String COOKIE = "BAYEUX_BROWSER";
    public static final String CHANNEL = "/v2/me/chats";

    private final String token;
    private String browser;
    private String clientId;

    private LongPoll(String token) {
        this.token = token;
    }

    /** A client with the token in the Authorization header of every request (null: none). */
    public static LongPoll as(String token) {
        return new LongPoll(token);
    }

    /** Handshakes (with the acknowledge extension when {@code acks}) and subscribes to the user's channel. */
    public static LongPoll subscribed(String token, boolean acks) {
        LongPoll client = as(token);
        JsonObject reply = client.handshake(acks);
        assertEquals(true, reply.getBoolean("successful"), reply.encode());
        JsonObject subscribed = client.send("{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + client.clientId
                + "\",\"subscription\":\"" + CHANNEL + "\"}").getJsonObject(0);
        assertEquals(true, subscribed.getBoolean("successful"), subscribed.encode());
        return client;
    }

    public JsonObject handshake(boolean acks) {
        JsonObject reply = send("{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]" + (acks ? ",\"ext\":{\"ack\":true}" : "") + "}")
                .getJsonObject(0);
        if (reply.getBoolean("successful", false)) {
            clientId = reply.getString("clientId");
        }
        return reply;
    }

    /** A connect answered at once (advice timeout 0), acknowledging batch {@code ack} (null: no ext). */
    public JsonArray connect(Long ack) {
        return send("{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId
                + "\",\"connectionType\":\"long-polling\",\"advice\":{\"timeout\":0}"
                + (ack == null ? "" : ",\"ext\":{\"ack\":" + ack + "}") + "}");
    }

    /** A connect the server holds until it has something to send or its timeout passes. */
    public JsonArray connectAndWait(long ack) {
        return send("{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId
                + "\",\"connectionType\":\"long-polling\",\"ext\":{\"ack\":" + ack + "}}");
    }

    /** Posts one message or a JSON array of them; the reply must be HTTP 200. */
    public JsonArray send(String messages) {
        Response reply = request().body(messages.startsWith("[") ? messages : "[" + messages + "]")
                .post("/api/v2/notifications");
        reply.then().statusCode(200);
        String set = reply.getCookie(COOKIE);
        if (set != null) {
            browser = set;
        }
        return new JsonArray(reply.asString());
    }

    /** The request as this client sends it: its token and its cookie, if it has them. */
    public RequestSpecification request() {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (browser != null) {
            request.cookie(COOKIE, browser);
        }
        return request;
    }

    public String clientId() {
        return clientId;
    }

    /** A client that has learnt another's clientId and, given one, its browser cookie. */
    public LongPoll posingAs(String otherClientId, String otherBrowser) {
        LongPoll impostor = new LongPoll(token);
        impostor.clientId = otherClientId;
        impostor.browser = otherBrowser;
        return impostor;
    }

    /** The value of the browser cookie the server set, or null. */
    public String browser() {
        return browser;
    }

    /** The ids of the notifications in a connect reply. */
    public static List<String> deliveredIds(JsonArray replies) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            JsonObject message = replies.getJsonObject(i);
            if (CHANNEL.equals(message.getString("channel"))) {
                ids.add(message.getString("id"));
            }
        }
        return ids;
    }

    /** The batch number of a successful connect reply. */
    public static long ack(JsonArray replies) {
        JsonObject connect = replies.getJsonObject(replies.size() - 1);
        assertEquals("/meta/connect", connect.getString("channel"));
        assertEquals(true, connect.getBoolean("successful"), connect.encode());
        return connect.getJsonObject("ext").getLong("ack");
    }
}
