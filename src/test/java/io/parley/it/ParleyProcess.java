package io.parley.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application (target/quarkus-app, or the native executable of a -Dnative build) run as a separate
 * process in the prod profile, configured the way an operator would: environment variables only.
 */
final class ParleyProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ParleyProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ParleyProcess start(String name, int port, Map<String, String> environment) throws IOException {
        return start(name, port, environment, List.of());
    }

    /** The same with options for its JVM, such as an AOT cache. */
    static ParleyProcess start(String name, int port, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        ParleyProcess started = launch(name, port, environment, jvmOptions);
        started.awaitReady(Duration.ofSeconds(60));
        return started;
    }

    /** How a start that was refused ended: the exit code, and everything the process logged. */
    record Refusal(int exitCode, String log) {
    }

    /**
     * Starts the application expecting it to refuse: it must exit by itself, and never get ready.
     *
     * @throws AssertionError if it got ready, or did not exit within a minute
     */
    static Refusal refusedStart(String name, int port, Map<String, String> environment) throws IOException,
            InterruptedException {
        try (ParleyProcess started = launch(name, port, environment, List.of())) {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (started.process.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Parley neither started nor exited; see " + log(name).toAbsolutePath());
                }
                if (started.ready(client)) {
                    throw new AssertionError("Parley started instead of refusing; see " + log(name).toAbsolutePath());
                }
                sleep(200);
            }
            return new Refusal(started.process.exitValue(), Files.readString(started.log));
        }
    }

    private static ParleyProcess launch(String name, int port, Map<String, String> environment,
            List<String> jvmOptions) throws IOException {
        Path log = log(name);
        ProcessBuilder builder = new ProcessBuilder(command(jvmOptions))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // as an operator names it; a test that wants none passes it empty
        builder.environment().putIfAbsent("PARLEY_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        return new ParleyProcess(builder.start(), port, log);
    }

    /**
     * The artifact the build made: the native executable when it was built for this run ({@code -Dnative}, which
     * the pom passes on as {@code parley.it.native}), else the packaged jar on this JVM. A native executable has no
     * JVM to tune, so of the JVM options only system properties ({@code -D}) reach it.
     */
    private static List<String> command(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        if (Boolean.getBoolean("parley.it.native")) {
            Path executable = Path.of(System.getProperty("native.image.path"));
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("Build the native executable first: " + executable + " is missing");
            }
            command.add(executable.toString());
            jvmOptions.stream().filter(option -> option.startsWith("-D")).forEach(command::add);
            return command;
        }
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("Package the application first: " + jar + " is missing");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private static Path log(String name) {
        return Path.of("target", "it-" + name + ".log");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Parley exited at start; see " + log.toAbsolutePath());
            }
            if (ready(client)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("Parley did not get ready; see " + log.toAbsolutePath());
    }

    private boolean ready(HttpClient client) {
        try {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    File logFile() {
        return log.toFile();
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to Redis or to the clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The exit code once the process has ended by itself within {@code patience}; empty if it is still running. */
    java.util.OptionalInt exitWithin(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** Stops it as an operator would (SIGTERM), forcibly once {@code patience} has run out. */
    void stop(Duration patience) {
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
