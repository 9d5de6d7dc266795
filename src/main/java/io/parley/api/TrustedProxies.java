package io.parley.api;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to believe forwarded headers from anyone. With forwarding switched on and no trusted proxies named, Quarkus
 * takes X-Forwarded-Host and X-Forwarded-Proto from every client, and a customer could make the URIs that agents
 * receive point wherever they liked.
 */
@Singleton
public class TrustedProxies {

    private final boolean forwarding;
    private final Optional<List<String>> trusted;

    TrustedProxies(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        this.forwarding = forwarding;
        this.trusted = trusted;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (forwarding && trusted.map(List::isEmpty).orElse(true)) {
            throw new ConfigurationException("quarkus.http.proxy.proxy-address-forwarding is on, but "
                    + "quarkus.http.proxy.trusted-proxies (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES) names no proxy: "
                    + "forwarded headers would be believed from every client. Name the addresses or CIDRs of your "
                    + "proxies, e.g. the ingress controller's pod network.");
        }
    }
}
