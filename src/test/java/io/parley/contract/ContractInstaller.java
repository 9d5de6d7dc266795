package io.parley.contract;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Puts the {@link ContractFilter} in front of every test's REST-assured calls, without each test asking for it.
 * Registered twice, as a JUnit extension (every test class; autodetection is on in the build) and as a Quarkus test
 * callback, because a {@code @QuarkusTest} runs in the application's class loader, with a REST-assured of its own.
 */
public final class ContractInstaller implements BeforeAllCallback, QuarkusTestBeforeClassCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ContractFilter.install();
    }

    @Override
    public void beforeClass(Class<?> testClass) {
        ContractFilter.install();
    }
}
