package io.parley.api;

import io.parley.support.PackagedApp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link GwsDesktopTest} against the packaged application: the jar, or the native executable of a -Dnative build. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedApp.class, restrictToAnnotatedClass = true)
class GwsDesktopIT extends GwsDesktopTest {
}
