package io.parley.push;

import io.parley.support.PackagedApp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CometdNotificationsTest} against the packaged application: the jar, or the native executable of a -Dnative build. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedApp.class, restrictToAnnotatedClass = true)
class CometdNotificationsIT extends CometdNotificationsTest {
}
