package io.parley.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import io.parley.support.Parley;

/**
 * A test class whose rows all run against one chat scene, staged on the first row (inside the running app) and
 * closed after the last; agents are signed out after each row so that no other test's chat is routed to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SceneTest {

    private final String sceneName;
    protected ChatScene scene;

    SceneTest(String sceneName) {
        this.sceneName = sceneName;
    }

    @BeforeEach
    void stage() {
        if (scene == null) {
            scene = ChatScene.chatting(sceneName).listen();
        }
    }

    @AfterEach
    void signOut() {
        Parley.endSessions();
    }

    @AfterAll
    void tearDown() {
        scene.close();
    }
}
