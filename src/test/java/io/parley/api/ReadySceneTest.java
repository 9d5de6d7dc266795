package io.parley.api;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.parley.support.Parley;

/**
 * A scene whose agent is Ready during every row, so that a chat started by mistake would be offered to them and
 * show on their quiet stream; the agent's session ends after each row, before SceneTest signs everybody out.
 */
abstract class ReadySceneTest extends SceneTest {

    ReadySceneTest(String sceneName) {
        super(sceneName);
    }

    @BeforeEach
    void ready() {
        Parley.ok(Parley.as(scene.agent.token()).body(Map.of("operationName", "StartContactCenterSession"))
                .post("/api/v2/me"));
        Parley.ok(Parley.as(scene.agent.token()).body(Map.of("operationName", "Ready"))
                .post("/api/v2/me/channels/chat"));
    }

    @AfterEach
    void endSession() {
        Parley.ok(Parley.as(scene.agent.token()).body(Map.of("operationName", "EndContactCenterSession"))
                .post("/api/v2/me"));
    }
}
