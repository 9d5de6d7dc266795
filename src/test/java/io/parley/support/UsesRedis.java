package io.parley.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared Redis of the test run for every @QuarkusTest. */
@QuarkusTestResource(RedisTestResource.class)
public final class UsesRedis {

    private UsesRedis() {
    }
}
