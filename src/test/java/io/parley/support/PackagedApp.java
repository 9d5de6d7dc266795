package io.parley.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the packaged application (the jar, or the native executable of a -Dnative build) needs to start in the prod
 * profile under @QuarkusIntegrationTest, given as an operator would: a token key pair read from files at run time,
 * the administrator's password, and the base of the URIs it writes. The tests reach it on a free port chosen at
 * launch, so the base comes from the one trusted proxy, the loopback address the tests call from, rather than from
 * a fixed parley.public-base-url. Redis comes from {@link RedisTestResource}, as for every test.
 */
public class PackagedApp implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            config.putAll(TokenKeys.properties(Path.of("target", "it-packaged-keys")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the token key pair", e);
        }
        // the test build makes an in-memory key pair for @QuarkusTest and hands it to a launched application too,
        // inline, where it would take precedence over the files; NONE is the extension's own word for "not given"
        config.put("mp.jwt.verify.publickey", "NONE");
        config.put("smallrye.jwt.sign.key", "NONE");
        config.put("parley.bootstrap.admin.password", Parley.ADMIN_PASSWORD);
        config.put("parley.auth.password-cost", "4");
        // the bad-input tests sign in as admin with wrong passwords on purpose, many times over
        config.put("parley.auth.throttle.max-failures", "100000");
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        return config;
    }

    @Override
    public void stop() {
    }
}
