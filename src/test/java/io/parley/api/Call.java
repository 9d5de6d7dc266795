package io.parley.api;

import static io.restassured.RestAssured.given;

import java.util.function.Function;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One request of a table, written before the scene exists: {@code {chat}}, {@code {agent}} and {@code {other}} in
 * its path or body stand for the scene's chat id, its agent's user id and another agent's user id.
 */
record Call(String name, Caller caller, String method, String path, String body) {

    enum Caller {
        NOBODY, ADMIN, AGENT, CUSTOMER,
        /** An agent who is not in the scene's chat. */
        OUTSIDER,
        /** The customer of another chat. */
        STRANGER
    }

    static Call post(String name, Caller caller, String path, String body) {
        return new Call(name, caller, "POST", path, body);
    }

    static Call put(String name, Caller caller, String path, String body) {
        return new Call(name, caller, "PUT", path, body);
    }

    static Call get(String name, Caller caller, String path) {
        return new Call(name, caller, "GET", path, null);
    }

    Response send(ChatScene scene, String otherUserId) {
        return send(scene, otherUserId, scene::token);
    }

    Response send(ChatScene scene, String otherUserId, Function<Caller, String> tokenOf) {
        RequestSpecification request = given().contentType(ContentType.JSON).urlEncodingEnabled(false);
        String token = tokenOf.apply(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.body(fill(body, scene, otherUserId));
        }
        return request.request(method, fill(path, scene, otherUserId));
    }

    private static String fill(String text, ChatScene scene, String otherUserId) {
        return text.replace("{chat}", scene.chatId()).replace("{agent}", scene.agent.id())
                .replace("{other}", otherUserId == null ? "" : otherUserId);
    }

    @Override
    public String toString() {
        return method + " " + path + " as " + caller + ": " + name;
    }
}
