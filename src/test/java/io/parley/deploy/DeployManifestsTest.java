package io.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operator's manifests hold together: every setting they pass is one Parley documents, each role's pods run
 * that role and are probed on the health endpoints, and every referenced ConfigMap and Secret is defined.
 */
class DeployManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FRAMEWORK_SETTINGS = Set.of("QUARKUS_REDIS_HOSTS", "QUARKUS_REDIS_CLIENT_TYPE",
            "QUARKUS_REDIS_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION", "QUARKUS_HTTP_IDLE_TIMEOUT");

    private static List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents.addAll(documents(file));
            }
        }
        return documents;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream().filter(d -> !d.isNull()).toList();
        }
    }

    private static JsonNode named(Path file, String kind, String name) throws IOException {
        return documents(file).stream().filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " holds no " + kind + " " + name));
    }

    /** PARLEY_* names of the README's configuration table. */
    private static Set<String> documentedSettings() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher property = Pattern.compile("`(parley\\.[a-z.-]+)`(?: / `\\.([a-z-]+)`)?")
                .matcher(Files.readString(Path.of("README.md")));
        while (property.find()) {
            names.add(envName(property.group(1)));
            if (property.group(2) != null) {
                String parent = property.group(1).substring(0, property.group(1).lastIndexOf('.'));
                names.add(envName(parent + "." + property.group(2)));
            }
        }
        return names;
    }

    private static String envName(String property) {
        return property.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
    }

    @Test
    void everySettingPassedIsOneParleyDocuments() throws IOException {
        Set<String> known = new HashSet<>(documentedSettings());
        known.addAll(FRAMEWORK_SETTINGS);
        assertTrue(known.contains("PARLEY_OFFER_TIMEOUT"), "the README table is read");
        for (JsonNode document : documents()) {
            for (String name : settingNames(document)) {
                assertTrue(known.contains(name), name + " in " + document.path("metadata").path("name").asText()
                        + " is not a documented setting");
            }
        }
    }

    private static List<String> settingNames(JsonNode document) {
        List<String> names = new ArrayList<>();
        String kind = document.path("kind").asText();
        if (kind.equals("ConfigMap")) {
            document.path("data").fieldNames().forEachRemaining(names::add);
        } else if (kind.equals("Secret") && !document.path("metadata").path("name").asText().equals("parley-token-keys")) {
            document.path("stringData").fieldNames().forEachRemaining(names::add);
        }
        for (JsonNode container : containers(document)) {
            container.path("env").forEach(env -> names.add(env.path("name").asText()));
        }
        return names;
    }

    private static List<JsonNode> containers(JsonNode document) {
        List<JsonNode> containers = new ArrayList<>();
        document.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        return containers;
    }

    @Test
    void eachWorkloadRunsItsRoleAndIsProbedOnHealth() throws IOException {
        Set<String> roles = new HashSet<>();
        for (JsonNode document : documents()) {
            for (JsonNode container : containers(document)) {
                String role = null;
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asText().equals("PARLEY_ROLE")) {
                        role = env.path("value").asText();
                    }
                }
                assertTrue(Set.of("api", "push").contains(role), "a workload names its role");
                roles.add(role);
                String labelled = document.path("spec").path("template").path("metadata").path("labels").path("role")
                        .asText(role);
                assertEquals(role, labelled, "pods are labelled with the role they run");
                assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
            }
        }
        assertEquals(Set.of("api", "push"), roles);
    }

    @Test
    void everyReferencedConfigMapAndSecretExists() throws IOException {
        Set<String> defined = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (JsonNode document : documents()) {
            if (Set.of("ConfigMap", "Secret").contains(document.path("kind").asText())) {
                defined.add(document.path("metadata").path("name").asText());
            }
            document.findValues("configMapRef").forEach(ref -> referenced.add(ref.path("name").asText()));
            document.findValues("secretRef").forEach(ref -> referenced.add(ref.path("name").asText()));
            document.findValues("secretName").forEach(name -> referenced.add(name.asText()));
        }
        assertFalse(referenced.isEmpty());
        assertTrue(defined.containsAll(referenced), "undefined: " + referenced.stream().filter(r -> !defined.contains(r)).toList());
    }

    @Test
    void theClusterVariantSwitchesRedisAndKeepsEveryOtherSetting() throws IOException {
        Path standaloneFile = Path.of("deploy", "kubernetes", "config.yaml");
        Path clusterFile = Path.of("deploy", "kubernetes", "cluster", "config.yaml");
        JsonNode standalone = named(standaloneFile, "ConfigMap", "parley-config").path("data");
        JsonNode cluster = named(clusterFile, "ConfigMap", "parley-config").path("data");

        assertEquals("standalone", standalone.path("QUARKUS_REDIS_CLIENT_TYPE").asText());
        assertEquals("cluster", cluster.path("QUARKUS_REDIS_CLIENT_TYPE").asText());
        List<String> seeds = List.of(cluster.path("QUARKUS_REDIS_HOSTS").asText().split(","));
        for (String seed : seeds) {
            URI uri = URI.create(seed);
            assertTrue(Set.of("redis", "rediss").contains(uri.getScheme()) && uri.getPort() > 0, "seed " + seed);
            assertEquals(null, uri.getUserInfo(), "no credentials in a ConfigMap: " + seed);
        }
        assertTrue(Integer.parseInt(cluster.path("PARLEY_REDIS_WAIT_REPLICAS").asText()) >= 1,
                "a commit waits for a replica of its shard");
        standalone.fieldNames().forEachRemaining(name -> {
            assertTrue(cluster.has(name), name + " is lost when switching to the cluster variant");
            if (!name.startsWith("QUARKUS_REDIS_")) {
                assertEquals(standalone.path(name), cluster.path(name), name + " differs between the variants");
            }
        });

        JsonNode clusterSecrets = named(clusterFile, "Secret", "parley-secrets").path("stringData");
        named(standaloneFile, "Secret", "parley-secrets").path("stringData").fieldNames().forEachRemaining(name ->
                assertTrue(clusterSecrets.has(name), name + " is lost when switching to the cluster variant"));
    }
}
