package io.parley.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user name and password of an {@code Authorization: Basic base64(user:password)} header (RFC 7617). */
public record BasicCredentials(String userName, String password) {

    private static final String SCHEME = "Basic ";
    /** Longer than any user name and password Parley accepts (its sign-in takes 256 characters each). */
    private static final int MAX_ENCODED = 1024;

    /** Whether a header uses the Basic scheme at all. */
    public static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** The credentials of a Basic header; null when it is not well formed (not base64, no colon, empty name). */
    public static BasicCredentials parse(String authorization) {
        String encoded = authorization.substring(SCHEME.length()).trim();
        if (encoded.length() > MAX_ENCODED) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public String toString() {
        // never the password, should a record end up in a log line
        return "BasicCredentials[" + userName + "]";
    }
}
