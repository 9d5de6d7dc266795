package io.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The SAM template runs the api role with the settings the Kubernetes ConfigMap and Secrets give it, and names the
 * handler and runtime of each variant the lambda profile builds (FunctionZipIT checks the zip itself).
 */
class LambdaTemplateTest {

    static final Path TEMPLATE = Path.of("deploy", "lambda", "template.yaml");
    static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** The function's properties; CloudFormation's short tags (!If, !Ref, !Sub) are read as plain values. */
    static JsonNode function() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
        JsonNode function = template.path("Resources").path("ParleyApi");
        assertEquals("AWS::Serverless::Function", function.path("Type").asText());
        return function.path("Properties");
    }

    @Test
    void theFunctionIsTheApiRoleWithTheManifestsSettings() throws IOException {
        JsonNode variables = function().path("Environment").path("Variables");
        assertEquals("api", variables.path("PARLEY_ROLE").asText());

        Set<String> given = new HashSet<>();
        variables.fieldNames().forEachRemaining(given::add);
        // everything the api pods get, but the key files a function cannot mount (the pair is passed inline instead)
        // and the idle timeout of an HTTP server it does not run
        Set<String> podSettings = new HashSet<>();
        for (String file : List.of("config.yaml", "cluster/config.yaml")) {
            String manifests = Files.readString(Path.of("deploy", "kubernetes", file));
            Matcher name = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]+):").matcher(manifests);
            while (name.find()) {
                podSettings.add(name.group(1));
            }
        }
        podSettings.removeAll(Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                "QUARKUS_HTTP_IDLE_TIMEOUT"));
        assertTrue(podSettings.contains("PARLEY_BOOTSTRAP_ADMIN_PASSWORD"), "the Secrets are read: " + podSettings);
        assertTrue(given.containsAll(podSettings), "missing: " + podSettings.stream().filter(s -> !given.contains(s)).toList());
        assertTrue(given.containsAll(Set.of("MP_JWT_VERIFY_PUBLICKEY", "SMALLRYE_JWT_SIGN_KEY")), "the token key pair");
    }

    @Test
    void eachVariantNamesItsRuntimeAndHandler() throws IOException {
        JsonNode function = function();
        // !If [Jvm, <jvm value>, <native value>]
        assertEquals(List.of("Jvm", "java21", "provided.al2023"), strings(function.path("Runtime")));
        assertEquals("Jvm", function.path("Handler").get(0).asText());
        assertEquals(JVM_HANDLER, function.path("Handler").get(1).asText());
        assertEquals("PublishedVersions", function.path("SnapStart").get(1).path("ApplyOn").asText(),
                "SnapStart on the JVM variant");
        assertEquals("../../target/function.zip", function.path("CodeUri").asText());
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
