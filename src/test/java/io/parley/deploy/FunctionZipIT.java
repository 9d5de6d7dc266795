package io.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The function.zip of {@code ./mvnw package -Plambda} is what deploy/lambda/template.yaml deploys: on the JVM it
 * holds the class the template's java21 handler names, natively an executable {@code bootstrap} for
 * provided.al2023. Runs in the lambda profile only, after packaging.
 */
@EnabledIfSystemProperty(named = "parley.lambda", matches = "true")
class FunctionZipIT {

    private static final Path ZIP = Path.of("target", "function.zip");

    @Test
    void theZipHoldsWhatTheTemplatesRuntimeStarts() throws IOException {
        assertTrue(Files.isRegularFile(ZIP), "./mvnw package -Plambda writes " + ZIP);
        JsonNode function = LambdaTemplateTest.function();
        assertEquals("../../target/function.zip", function.path("CodeUri").asText());
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            if (Boolean.getBoolean("parley.it.native")) {
                ZipEntry bootstrap = zip.getEntry("bootstrap");
                assertTrue(bootstrap != null, "a native function.zip starts with bootstrap on provided.al2023");
                assertEquals("provided.al2023", function.path("Runtime").get(2).asText());
                return;
            }
            String handlerClass = LambdaTemplateTest.JVM_HANDLER.substring(0,
                    LambdaTemplateTest.JVM_HANDLER.indexOf("::")).replace('.', '/') + ".class";
            List<String> holders = zip.stream().filter(e -> e.getName().endsWith(".jar"))
                    .filter(jar -> holds(zip, jar, handlerClass)).map(ZipEntry::getName).toList();
            // found in lib/, where the runtime looks for it
            assertEquals(1, holders.size(), "one jar of the zip holds " + handlerClass + ": " + holders);
            assertEquals("java21", function.path("Runtime").get(1).asText());
            // the java21 runtime's class path is the zip's root and lib/*.jar: Parley's own classes are at the root
            assertTrue(zip.getEntry("io/parley/api/FailureMapper.class") != null, "Parley's classes at the root");
            assertTrue(zip.stream().filter(e -> e.getName().startsWith("lib/")).allMatch(e -> e.getName().endsWith(".jar")
                    && e.getName().indexOf('/', 4) < 0), "lib/ holds jars only");
        }
    }

    private static boolean holds(ZipFile zip, ZipEntry jar, String className) {
        try (InputStream in = zip.getInputStream(jar); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                if (entry.getName().equals(className)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(jar.getName(), e);
        }
    }
}
