package io.parley.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.parley.ParleyConfig;
import io.parley.auth.Passwords;
import io.parley.store.RedisFailure;
import io.parley.store.UserRepository;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Makes sure there is a first administrator. Without a configured password one is generated and printed once,
 * when the administrator is created; production must configure it, so that no default credential is ever live.
 */
@Singleton
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    void onStart(@Observes StartupEvent event, ParleyConfig config, UserRepository users, Passwords passwords) {
        if (!config.role().servesApi()) {
            return;
        }
        var admin = config.bootstrap().admin();
        if (admin.password().isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new ConfigurationException("Set parley.bootstrap.admin.password (PARLEY_BOOTSTRAP_ADMIN_PASSWORD): "
                    + "the prod profile does not generate administrator credentials");
        }
        try {
            if (users.findByName(admin.username()).isPresent()) {
                return;
            }
            String password = admin.password().orElseGet(BootstrapAdmin::generatePassword);
            User user = new User(User.newId(), admin.username(), "Parley", "Administrator",
                    List.of(User.ADMIN), passwords.hash(password), System.currentTimeMillis());
            if (users.create(user) && admin.password().isEmpty()) {
                LOG.infof("Created administrator '%s' with generated password: %s (shown once; set "
                        + "parley.bootstrap.admin.password to choose it)", admin.username(), password);
            }
        } catch (RuntimeException e) {
            // without the cause: the start-up failure is printed with its causes, and the Redis client's message
            // would hold the command that failed, the administrator's password hash among its arguments
            throw new IllegalStateException("Could not make sure the administrator '" + admin.username()
                    + "' exists in Redis: " + RedisFailure.describe(e));
        }
    }

    private static String generatePassword() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
