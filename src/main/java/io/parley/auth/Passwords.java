package io.parley.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.ParleyConfig;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Salted bcrypt hashes: the only form in which a password is ever stored. */
@ApplicationScoped
public class Passwords {

    /** Checked against when the user name is unknown, so that both failures take the same time. */
    private static final String DECOY = BcryptUtil.bcryptHash("parley-decoy-password");

    private final int cost;

    Passwords(ParleyConfig config) {
        this.cost = config.auth().passwordCost();
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? DECOY : hash) && hash != null;
    }
}
