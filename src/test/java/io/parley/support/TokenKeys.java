package io.parley.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** A token signing key pair written as PEM files, as an operator would provide them to every instance. */
public final class TokenKeys {

    private static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
    private static final String VERIFY_KEY = "mp.jwt.verify.publickey.location";

    private TokenKeys() {
    }

    /** A fresh key pair in {@code folder}, named by the two settings as environment variables. */
    public static Map<String, String> environment(Path folder) throws IOException, NoSuchAlgorithmException {
        Map<String, String> properties = properties(folder);
        return Map.of("SMALLRYE_JWT_SIGN_KEY_LOCATION", properties.get(SIGN_KEY),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", properties.get(VERIFY_KEY));
    }

    /** A fresh key pair in {@code folder}, named by the two settings as configuration properties. */
    public static Map<String, String> properties(Path folder) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(folder);
        Path privateKey = folder.resolve("privateKey.pem");
        Path publicKey = folder.resolve("publicKey.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return Map.of(SIGN_KEY, privateKey.toAbsolutePath().toUri().toString(),
                VERIFY_KEY, publicKey.toAbsolutePath().toUri().toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
