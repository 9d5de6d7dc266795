package io.parley.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

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
    /** Counts {@link #forget}s, so that a check that began before one cannot remember what it forgot. */
    private final AtomicLong forgets = new AtomicLong();

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

    /** To pass to {@link #keep}: taken before the password is read from the store. */
    public long generation() {
        return forgets.get();
    }

    /**
     * Remembers credentials checked since {@code generation}, unless a password changed meanwhile (the check may
     * have read the old one). Stored first and withdrawn if a forget came between, so that no order of the two
     * leaves an old password remembered.
     */
    public void keep(String userName, String password, SignedIn user, long generation) {
        if (keeping) {
            String entry = entry(userName, password);
            verified.put(entry, user);
            if (forgets.get() != generation) {
                verified.invalidate(entry);
            }
        }
    }

    /**
     * Drops every remembered password of {@code userName}, as when the password changes: an entry is found by the
     * password it was made with, so without this the old password would keep signing in until the entry expired.
     */
    public void forget(String userName) {
        forgets.incrementAndGet();
        verified.asMap().values().removeIf(user -> user.userName().equals(userName));
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
