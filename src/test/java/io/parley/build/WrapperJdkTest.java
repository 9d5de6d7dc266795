package io.parley.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands start with {@code ./mvnw}, typed on machines whose default {@code java} may be older than
 * the Java 21 Parley is built for. The wrapper must find a newer JDK installed beside it and say so in one line, or
 * say in one line what to install. Each case runs the real wrapper ({@code ./mvnw -v}) with no JAVA_HOME and a
 * JVM folder made for it: an old "java" that is first on the PATH, and (or not) this test's own JDK beside it.
 */
class WrapperJdkTest {

    @TempDir
    Path jvms;

    @Test
    void aNewerJdkBesideAnOldDefaultJavaIsUsedAndNamed() throws Exception {
        Path old = oldJava("java-17-old");
        Path current = Path.of(System.getProperty("java.home"));
        Path link = Files.createSymbolicLink(jvms.resolve("jdk-current"), current);

        Result result;
        try {
            result = mvnwVersion(old);
        } finally {
            // the temporary folder's clean-up would warn about a link leading out of it
            Files.delete(link);
        }

        assertEquals(0, result.exitCode(), result.output());
        List<String> notices = result.lines().stream().filter(line -> line.startsWith("Using the JDK")).toList();
        assertEquals(1, notices.size(), result.output());
        assertTrue(notices.get(0).contains(link.toString()), result.output());
        assertTrue(notices.get(0).contains("is Java 17"), result.output());
        assertTrue(result.output().contains("Java version: " + Runtime.version().feature()), result.output());
    }

    @Test
    void withoutAJdk21OneLineSaysWhatToInstall() throws Exception {
        Path old = oldJava("java-17-old");

        Result result = mvnwVersion(old);

        assertNotEquals(0, result.exitCode(), result.output());
        assertEquals(1, result.lines().size(), result.output());
        assertTrue(result.output().startsWith("Parley needs a JDK 21 or newer"), result.output());
        assertTrue(result.output().contains("install one"), result.output());
        assertTrue(!result.output().contains("Apache Maven"), "Maven must not start: " + result.output());
    }

    @Test
    void aJavaHomeOfJdk21OrNewerIsKeptSilently() throws Exception {
        Path old = oldJava("java-17-old");
        ProcessBuilder builder = wrapper(old);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));

        Result result = run(builder);

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.lines().stream().noneMatch(line -> line.startsWith("Using the JDK")), result.output());
    }

    /** A JDK folder whose java and javac claim Java 17 (its release file too), as a distribution's default. */
    private Path oldJava(String name) throws IOException {
        Path home = jvms.resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        return bin;
    }

    private Result mvnwVersion(Path oldJavaBin) throws Exception {
        return run(wrapper(oldJavaBin));
    }

    private ProcessBuilder wrapper(Path oldJavaBin) {
        ProcessBuilder builder = new ProcessBuilder("./mvnw", "-v").redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", oldJavaBin + ":/usr/bin:/bin");
        builder.environment().put("MVNW_JDK_DIRS", jvms.toString());
        return builder;
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mvnw -v did not finish");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }
}
