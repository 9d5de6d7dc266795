package io.parley.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.parley.ParleyConfig;

/**
 * Basic credentials whose password was checked lately, so that a desktop sending Basic with every request costs
 * one bcrypt per {@code max-age} rather than one per request. An entry is found by an HMAC of the user name and the
 * password under a key drawn when this instance starts (never a static one): memory holds neither the password nor
 * anything that would verify a guess without that key, and a wrong password computes another entry, so it can
 * never find the right one's. Only successes are kept.
 */
@Singleton
public class RememberedPasswords {

    private static final String HMAC = "HmacSHA256";

    private final Cache<String, SignedIn> verified;
    private final boolean keeping;
    private final SecretKeySpec key;

    @Inject
    RememberedPasswords(ParleyConfig config) {
        this(config.auth().remembered().size(), config.auth().remembered().maxAge());
    }

    public RememberedPasswords(int size, Duration maxAge) {
        // Caffeine evicts over its size in the background, so a size of 0 must not store at all
        this.keeping = size > 0;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(maxAge).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** Whom these credentials signed in as, if they were verified within {@code max-age}; null otherwise. */
    public SignedIn find(String userName, String password) {
        return verified.getIfPresent(entry(userName, password));
    }

    public void keep(String userName, String password, SignedIn user) {
        if (keeping) {
            verified.put(entry(userName, password), user);
        }
    }

    private String entry(String userName, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            // the name's length first, so that no other split of the same characters gives the same input
            mac.update((userName.length() + ":" + userName + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
