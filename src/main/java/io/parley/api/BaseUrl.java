package io.parley.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.ParleyConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The base every written URI starts with: the configured public URL, else the request's own. A request's own
 * address comes from its Host header (or a trusted proxy's forwarded headers), which a client chooses; the URIs it
 * yields reach other users in notifications, and a desktop that follows one would send its credentials wherever it
 * points. So production takes the base from configuration: the public URL, or forwarding from trusted proxies.
 */
@ApplicationScoped
public class BaseUrl {

    private final ParleyConfig config;
    private final boolean forwarding;
    private final Optional<List<String>> trustedProxies;

    BaseUrl(ParleyConfig config,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.config = config;
        this.forwarding = forwarding;
        this.trustedProxies = trustedProxies;
    }

    void onStart(@Observes StartupEvent event) {
        config.publicBaseUrl().ifPresent(BaseUrl::checkForm);
        boolean fromProxies = forwarding && trustedProxies.map(proxies -> !proxies.isEmpty()).orElse(false);
        if (LaunchMode.current() == LaunchMode.NORMAL && config.role().servesApi()
                && config.publicBaseUrl().isEmpty() && !fromProxies) {
            throw new ConfigurationException("Set parley.public-base-url (PARLEY_PUBLIC_BASE_URL) to the address "
                    + "clients reach Parley at, e.g. https://chat.example.com: without it the URIs Parley writes, "
                    + "into notifications other users receive too, would follow the Host header any client chooses. "
                    + "(Behind a proxy that names the host, trusting that proxy's forwarded headers also does: "
                    + "quarkus.http.proxy.proxy-address-forwarding with quarkus.http.proxy.trusted-proxies.)");
        }
    }

    public String of(UriInfo request) {
        String base = config.publicBaseUrl().orElseGet(() -> {
            var uri = request.getBaseUri();
            return uri.getScheme() + "://" + uri.getRawAuthority();
        });
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static void checkForm(String base) {
        try {
            URI uri = new URI(base);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ConfigurationException("parley.public-base-url must be an absolute http or https URL without "
                + "query or fragment, such as https://chat.example.com");
    }
}
