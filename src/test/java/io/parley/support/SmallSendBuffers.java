package io.parley.support;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Gives the test server's connections a fixed socket send buffer when a test profile asks for one. On loopback
 * Linux grows a socket's send buffer to megabytes, so the kernel would take what a stalled client does not read
 * and the server's own bound on it would never be reached; a deployment with many clients or a slow network reaches
 * it without help.
 */
@Singleton
public class SmallSendBuffers implements HttpServerOptionsCustomizer {

    public static final String PROPERTY = "parley-test.http.send-buffer-bytes";

    private final int bytes;

    SmallSendBuffers(@ConfigProperty(name = PROPERTY, defaultValue = "0") int bytes) {
        this.bytes = bytes;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        if (bytes > 0) {
            options.setSendBufferSize(bytes);
        }
    }
}
