package io.parley;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/** Every metric says which role its instance plays (api, push or both), so that one dashboard tells them apart. */
public class RoleTag {

    @Produces
    @Singleton
    MeterFilter role(ParleyConfig config) {
        return MeterFilter.commonTags(Tags.of("role", config.role().name()));
    }
}
