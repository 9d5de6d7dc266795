package io.parley.auth;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Salted bcrypt hashes: the only form in which a password is ever stored. */
public final class Passwords {

    /** Checked against when the user name is unknown, so that both failures take the same time. */
    private static final String DECOY = BcryptUtil.bcryptHash("parley-decoy-password");

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? DECOY : hash) && hash != null;
    }
}
