package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.support.Parley;
import io.parley.support.StackTraces;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Redis failures are logged without the arguments of the command that failed, on a Redis Cluster client (whose
 * messages may quote whole commands: a user document with its password hash). Keys holding the wrong type make
 * Redis refuse the administrator's creation at start, a user's creation and a sign-in: neither the refused start
 * nor the failed requests may print a hash, a password or a token.
 */
class RedisFailureLogIT {

    /** A bcrypt hash as Parley stores it, whichever one. */
    private static final Pattern PASSWORD_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$");

    private static SingleNodeCluster cluster;
    private static Map<String, String> environment;

    @BeforeAll
    static void cluster() throws Exception {
        cluster = SingleNodeCluster.start(Path.of("target", "it-cluster"));
        environment = OperatorSettings.withTokenKeys(OperatorSettings.on(cluster.hosts()));
        environment.put("QUARKUS_REDIS_CLIENT_TYPE", "cluster");
        environment.put("PARLEY_ROLE", "api");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        RestAssured.reset();
    }

    @Test
    void aStartRefusedByRedisDoesNotPrintTheAdministratorsHash() throws Exception {
        Map<String, String> fresh = new HashMap<>(environment);
        String prefix = "parley-it-" + UUID.randomUUID() + ":";
        fresh.put("PARLEY_REDIS_KEY_PREFIX", prefix);
        // the listing of users holds a string: entering the administrator in it is refused with WRONGTYPE
        cluster.command("SET", prefix + "{directory}:users", "not a sorted set");

        ParleyProcess.Refusal refusal = ParleyProcess.refusedStart("redis-refused-start", freePort(), fresh);

        assertNotEquals(0, refusal.exitCode(), refusal.log());
        assertTrue(refusal.log().contains("WRONGTYPE"), "the failure is named:\n" + refusal.log());
        assertNoSecrets(refusal.log(), List.of(Parley.ADMIN_PASSWORD));
    }

    @Test
    void failedUserCreationAndSignInAreLoggedWithoutSecrets() throws Exception {
        String prefix = "parley-it-" + UUID.randomUUID() + ":";
        seedAdministrator(prefix);
        // a user name whose key holds a hash: reading it is refused with WRONGTYPE
        cluster.command("HSET", prefix + "{directory}:username:carol", "field", "value");
        Map<String, String> seeded = new HashMap<>(environment);
        seeded.put("PARLEY_REDIS_KEY_PREFIX", prefix);
        String bobPassword = "bob-password-" + UUID.randomUUID();
        String carolPassword = "carol-password-" + UUID.randomUUID();
        String adminToken;
        Response creation;
        Response signIn;
        String log;
        try (ParleyProcess parley = ParleyProcess.start("redis-failures", freePort(), seeded)) {
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = parley.port();
            adminToken = Parley.token("admin", Parley.ADMIN_PASSWORD);
            creation = Parley.as(adminToken).body(Map.of("userName", "bob", "password", bobPassword))
                    .post("/api/v2/users");
            signIn = RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("username", "carol", "password", carolPassword)).post("/api/v2/auth/token");
            log = Files.readString(parley.logFile().toPath());
        }
        assertNoSecrets(log, List.of(Parley.ADMIN_PASSWORD, bobPassword, carolPassword, adminToken));
        assertEquals(List.of(), log.lines().filter(StackTraces::in).toList(), "no stack traces");
        assertTrue(log.lines().filter(line -> line.contains("WRONGTYPE")).count() >= 2,
                "both failures are logged:\n" + log);

        assertEquals(503, creation.statusCode(), creation.asString());
        assertEquals(4, creation.jsonPath().getInt("statusCode"));
        assertEquals("Redis failed the request", creation.jsonPath().getString("statusMessage"));
        assertEquals(503, signIn.statusCode(), signIn.asString());
        assertEquals(4, signIn.jsonPath().getInt("statusCode"));
    }

    /**
     * The administrator Parley would create, written the way it stores users, so that Parley starts; the listing of
     * users holds a string, so that entering any other user in it fails.
     */
    private static void seedAdministrator(String prefix) {
        String id = "0000000000000000000000000000ad01";
        String document = "{\"id\":\"" + id + "\",\"userName\":\"admin\",\"firstName\":\"Parley\",\"lastName\":"
                + "\"Administrator\",\"roles\":[\"admin\"],\"passwordHash\":\""
                + BcryptUtil.bcryptHash(Parley.ADMIN_PASSWORD, 4) + "\",\"createdAt\":1}";
        cluster.command("SET", prefix + "user:{" + id + "}", document);
        cluster.command("SET", prefix + "{directory}:username:admin", id);
        cluster.command("SET", prefix + "{directory}:users", "not a sorted set");
    }

    private static void assertNoSecrets(String log, List<String> secrets) {
        assertTrue(PASSWORD_HASH.matcher(log).results().findAny().isEmpty(), "a password hash is logged:\n" + log);
        assertFalse(log.contains("passwordHash"), "a user document is logged:\n" + log);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a secret is logged:\n" + log);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
