package io.parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The judge itself, on exchanges made up to break the contract in each way it must catch. */
class ContractTest {

    private static final String CHAT = "/api/v2/me/chats/0000Na9B26EF006E";
    private static final String SEED_INVITE = """
            {"operationName": "Invite", "targetUri": "http://localhost:8080/api/v2/users/429a55994ef64991a77acb77c1cf9041"}""";

    private final Contract contract = Contract.get();

    @Test
    void theSeedInviteAndItsReplyKeepToTheContract() {
        assertEquals(List.of(), contract.violations(post(CHAT, SEED_INVITE, 200, "{\"statusCode\":0,\"referenceId\":35}")));
    }

    @Test
    void aReplyWithoutItsReferenceIdBreaksIt() {
        assertViolation(post(CHAT, SEED_INVITE, 200, "{\"statusCode\":0}"), "referenceId");
    }

    @Test
    void aRefusalMustPairItsStatusCodeWithTheHttpStatus() {
        assertEquals(List.of(), contract.violations(post(CHAT, SEED_INVITE, 404,
                "{\"statusCode\":6,\"statusMessage\":\"Chat 0000Na9B26EF006E not found\"}")));
        assertViolation(post(CHAT, SEED_INVITE, 404, "{\"statusCode\":20,\"statusMessage\":\"who are you\"}"),
                "statusCode");
        assertViolation(post(CHAT, SEED_INVITE, 400, "{\"statusCode\":10}"), "statusMessage");
    }

    @Test
    void aRequestTheContractRefusesMustNotSucceed() {
        String unknownParameter = "{\"operationName\": \"Invite\", \"targetUri\": \"/api/v2/users/x\", \"extra\": 1}";
        assertEquals(List.of(), contract.violations(post(CHAT, unknownParameter, 400,
                "{\"statusCode\":10,\"statusMessage\":\"Unknown parameter 'extra'\"}")));
        assertViolation(post(CHAT, unknownParameter, 200, "{\"statusCode\":0,\"referenceId\":3}"), "refuses");
        assertViolation(post("/api/v2/me/chats/not-a-chat-id", SEED_INVITE, 200, "{\"statusCode\":0,\"referenceId\":3}"),
                "refuses");
    }

    @Test
    void aReplyTheOperationDoesNotListBreaksIt() {
        assertViolation(post(CHAT, SEED_INVITE, 418, "{\"statusCode\":10,\"statusMessage\":\"teapot\"}"), "418");
        assertViolation(exchange("POST", CHAT, SEED_INVITE, 200, "text/plain", "OK"), "Content-Type");
    }

    @Test
    void anUndocumentedPathMustBeRefusedWithAFailure() {
        assertEquals(List.of(), contract.violations(exchange("GET", "/api/v2/queues/sales", null, 404,
                "application/json", "{\"statusCode\":6,\"statusMessage\":\"No such resource\"}")));
        assertViolation(exchange("GET", "/api/v2/queues/sales", null, 200, "application/json", "{\"statusCode\":0}"),
                "no such operation");
        assertViolation(exchange("DELETE", CHAT, null, 405, "text/html", "<html>"), "Failure");
    }

    @Test
    void pathsOutsideTheApiAreNotJudged() {
        assertEquals(List.of(), contract.violations(exchange("GET", "/q/health/ready", null, 200, "application/json",
                "{\"status\":\"UP\"}")));
    }

    @Test
    void theNotificationShapesHoldTheSeedsNotifications() {
        String joined = """
                {"notificationType":"NewMessages","messageType":"MessageLogUpdated","referenceId":35,
                 "messages":[{"index":3,"from":{"nickname":"BFriend","type":"Agent","participantId":"009052CB05CA00EB"},
                 "timestamp":"2014-01-06 20:14:06.007+0000","timestampSeconds":1389039246007,"visibility":"All",
                 "type":"ParticipantJoined"}],
                 "chatUri":"http://localhost:8080/api/v2/chats/0000Na9B26EF006E","chatPath":"/chats/0000Na9B26EF006E"}""";
        assertEquals(null, contract.schemaProblem("Notification", joined));
        assertTrue(contract.schemaProblem("Notification", joined.replace("\"index\":3,", "")) != null,
                "a message without its index");
    }

    /** Every example the document shows is an instance of what it exemplifies. */
    @Test
    void everyExampleFitsItsSchema() {
        JsonObject document = contract.document();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonObject> path : objects(document.getJsonObject("paths"))) {
            for (Map.Entry<String, JsonObject> operation : objects(path.getValue())) {
                String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
                Map<String, JsonObject> contents = new java.util.LinkedHashMap<>();
                JsonObject body = operation.getValue().getJsonObject("requestBody");
                if (body != null) {
                    contents.put(at + "/requestBody/content", body.getJsonObject("content"));
                }
                for (Map.Entry<String, JsonObject> reply : objects(operation.getValue().getJsonObject("responses"))) {
                    contents.put(at + "/responses/" + reply.getKey() + "/content",
                            reply.getValue().getJsonObject("content", new JsonObject()));
                }
                for (Map.Entry<String, JsonObject> content : contents.entrySet()) {
                    JsonObject json = content.getValue().getJsonObject("application/json");
                    if (json == null) {
                        continue;
                    }
                    List<Object> examples = new ArrayList<>();
                    if (json.containsKey("example")) {
                        examples.add(json.getValue("example"));
                    }
                    objects(json.getJsonObject("examples", new JsonObject()))
                            .forEach(example -> examples.add(example.getValue().getValue("value")));
                    String schema = content.getKey() + "/application~1json/schema";
                    for (Object example : examples) {
                        checked++;
                        String problem = contract.problemAt(schema, example);
                        if (problem != null) {
                            problems.add(schema + ": " + example + ": " + problem);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, JsonObject> schema : objects(document.getJsonObject("components").getJsonObject("schemas"))) {
            for (Object example : schema.getValue().getJsonArray("examples", new JsonArray())) {
                checked++;
                String problem = contract.problemAt("/components/schemas/" + schema.getKey(), example);
                if (problem != null) {
                    problems.add(schema.getKey() + ": " + example + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 10, "examples checked: " + checked);
        // and the pointers reach schemas that can refuse something
        assertTrue(contract.problemAt("/paths/~1api~1v2~1me~1chats~1{id}/post/requestBody/content/application~1json/schema",
                new JsonObject().put("operationName", "Invite")) != null, "an Invite without a target");
    }

    /** A JSON pointer's escaping of one key. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The members that are objects: the resolver leaves annotations of its own (strings) beside them. */
    private static List<Map.Entry<String, JsonObject>> objects(JsonObject parent) {
        List<Map.Entry<String, JsonObject>> members = new ArrayList<>();
        for (Map.Entry<String, Object> member : parent) {
            if (member.getValue() instanceof JsonObject object) {
                members.add(Map.entry(member.getKey(), object));
            }
        }
        return members;
    }

    private void assertViolation(Contract.Exchange exchange, String expected) {
        List<String> violations = contract.violations(exchange);
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation naming '" + expected + "', got " + violations);
    }

    private static Contract.Exchange post(String path, String body, int status, String reply) {
        return exchange("POST", path, body, status, "application/json", reply);
    }

    private static Contract.Exchange exchange(String method, String path, String body, int status, String type,
            String reply) {
        Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.put("Content-Type", "application/json");
        return new Contract.Exchange(method, path, null, requestHeaders,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, Map.of("Content-Type", type), type,
                reply.getBytes(StandardCharsets.UTF_8));
    }
}
