package io.parley.auth;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Salted bcrypt hashes: the only form in which a password is ever stored. */
@ApplicationScoped
public class Passwords {

    /** Checked against when the user name is unknown, so that both failures take the same time. */
    private static final String DECOY = BcryptUtil.bcryptHash("parley-decoy-password");

    /** bcrypt reads only this many bytes: a longer password would match any other with the same start. */
    public static final int MAX_BYTES = 72;

    private final int cost;

    Passwords(ParleyConfig config) {
        this.cost = config.auth().passwordCost();
    }

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? DECOY : hash) && hash != null && fits(password);
    }
}
