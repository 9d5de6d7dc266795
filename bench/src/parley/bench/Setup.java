package parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Everything a run starts and prepares: Redis, Parley, nginx+nchan, agents, chats; and the measurements on them. */
final class Setup implements AutoCloseable {

    record Chat(String id, String agentToken) {
    }

    record Pair(String chatId, String hostToken, String guestToken, String guestUri) {
    }

    private static final String ADMIN_PASSWORD = "bench-admin-password";

    private final Path out;
    private final Processes processes;
    private final int redisPort;
    private final Map<String, String> appEnvironment = new HashMap<>();
    private Process app;
    private Api api;
    private final List<Chat> chats = Collections.synchronizedList(new ArrayList<>());
    private final List<Pair> pairs = new ArrayList<>();
    private String agentToken;

    private Setup(Path out, Processes processes, int redisPort) {
        this.out = out;
        this.processes = processes;
        this.redisPort = redisPort;
    }

    static Setup start(Path out) throws Exception {
        Processes processes = new Processes(out.resolve("logs"));
        int redisPort = Processes.freePort();
        processes.start("redis", List.of("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--maxclients", "20000"), Map.of());
        Processes.awaitPort(redisPort, 10_000);
        Setup setup = new Setup(out, processes, redisPort);
        setup.appEnvironment.putAll(Map.of(
                "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "PARLEY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "PARLEY_AUTH_PASSWORD_COST", "4",
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", System.getenv("BENCH_PRIVATE_KEY"),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", System.getenv("BENCH_PUBLIC_KEY")));
        int port = Processes.freePort();
        setup.appEnvironment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        setup.appEnvironment.put("PARLEY_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        setup.api = new Api("http://127.0.0.1:" + port);
        // -Dbench.appOptions="-XX:StartFlightRecording=..." profiles the app under load (README, Benchmark)
        setup.app = setup.startApp("parley", jvmOptions("bench.appOptions"));
        setup.awaitReady(60_000);
        setup.prepare();
        return setup;
    }

    /**
     * A second app (the jar, both roles) on the Redis Cluster at {@code seeds}, prepared as the first one is: agents,
     * accepted chats and invite pairs of its own. Stop it with {@link #stopApp()}; the processes stay shared.
     */
    Setup onCluster(String seeds, String waitReplicas) throws Exception {
        Setup cluster = new Setup(out, processes, -1);
        cluster.appEnvironment.putAll(appEnvironment);
        cluster.appEnvironment.put("QUARKUS_REDIS_HOSTS", seeds);
        cluster.appEnvironment.put("QUARKUS_REDIS_CLIENT_TYPE", "cluster");
        cluster.appEnvironment.put("PARLEY_REDIS_WAIT_REPLICAS", waitReplicas);
        int port = Processes.freePort();
        cluster.appEnvironment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        cluster.appEnvironment.put("PARLEY_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        cluster.api = new Api("http://127.0.0.1:" + port);
        cluster.app = cluster.startApp("parley-cluster", jvmOptions("bench.appOptions"));
        cluster.awaitReady(60_000);
        cluster.prepare();
        return cluster;
    }

    void stopApp() throws InterruptedException {
        Processes.stop(app);
    }

    Path out() {
        return out;
    }

    /** The port of the standalone Redis the app runs on. */
    int redisPort() {
        return redisPort;
    }

    Api api() {
        return api;
    }

    List<Chat> chats() {
        return chats;
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** The JVM options a system property lists, separated by spaces (none when it is unset). */
    private static List<String> jvmOptions(String property) {
        String options = System.getProperty(property, "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Which build of the app a process runs: the packaged jar on this JDK, or the native executable. */
    enum Build {
        JAR, NATIVE
    }

    /** The native executable bench/run built (-Dbench.native), or null when there is none. */
    private static final Path NATIVE = Optional.ofNullable(System.getProperty("bench.native")).map(Path::of)
            .filter(Files::isExecutable).orElse(null);

    static boolean hasNative() {
        return NATIVE != null;
    }

    /** Sized as deploy/ runs it: a 512 MiB container, three quarters of it for the heap (Dockerfile.jvm). */
    private static final List<String> CONTAINER_MEMORY = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=75");
    /** The same heap bound for the native executable, which takes -Xmx at run time. */
    private static final List<String> NATIVE_MEMORY = List.of("-Xmx384m");

    private Process startApp(String name, List<String> jvmOptions) throws IOException {
        return startApp(name, Build.JAR, jvmOptions, appEnvironment);
    }

    private Process startApp(String name, Build build, List<String> options, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        switch (build) {
            case JAR -> {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(CONTAINER_MEMORY);
                command.addAll(options);
                command.add("-jar");
                command.add("target/quarkus-app/quarkus-run.jar");
            }
            case NATIVE -> {
                command.add(NATIVE.toString());
                command.addAll(NATIVE_MEMORY);
                command.addAll(options);
            }
        }
        return processes.start(name, command, environment);
    }

    private void awaitReady(long timeoutMillis) throws InterruptedException {
        awaitReady(api, timeoutMillis);
    }

    private static void awaitReady(Api api, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (api.get("/q/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Parley did not get ready: see target/bench/logs");
    }

    /** Agents with four chats each, all accepted; then invite pairs with guests who join and leave. */
    private void prepare() throws Exception {
        String admin = api.post("/api/v2/auth/token", null,
                Api.json("username", "admin", "password", ADMIN_PASSWORD)).ok().field("access_token");
        List<String> agents = parallel(Main.AGENTS, i -> readyAgent(admin, "agent" + i)[0]);
        agentToken = agents.get(0);
        parallel(Main.AGENTS * 4, i -> api.post("/api/v2/chats", null, Api.json("nickname", "Customer" + i)).ok());
        long deadline = System.currentTimeMillis() + 60_000;
        while (chats.size() < Main.AGENTS * 4 && System.currentTimeMillis() < deadline) {
            parallel(agents.size(), i -> acceptOffers(agents.get(i)));
        }
        if (chats.size() < Main.AGENTS * 4) {
            throw new IllegalStateException("Only " + chats.size() + " chats were accepted");
        }
        List<String[]> guests = parallel(Main.WORKERS / 2, i -> readyAgent(admin, "guest" + i));
        for (int i = 0; i < guests.size(); i++) {
            Chat chat = chats.get(i * 4);
            pairs.add(new Pair(chat.id(), chat.agentToken(), guests.get(i)[0], guests.get(i)[1]));
        }
    }

    private String[] readyAgent(String admin, String name) {
        String userName = name + "-" + System.nanoTime();
        String uri = api.post("/api/v2/users", admin, Api.json("userName", userName, "password", "password-" + name))
                .ok().field("uri");
        String token = api.post("/api/v2/auth/token", null,
                Api.json("username", userName, "password", "password-" + name)).ok().field("access_token");
        api.post("/api/v2/me", token, "{\"operationName\":\"StartContactCenterSession\",\"channels\":[\"chat\"]}").ok();
        api.post("/api/v2/me/channels/chat", token, Api.json("operationName", "Ready")).ok();
        return new String[] { token, uri };
    }

    private Object acceptOffers(String token) {
        String body = api.get("/api/v2/me/chats?fields=*", token).ok().body();
        var invited = java.util.regex.Pattern.compile("\"id\":\"(\\w{16})\",\"state\":\"Invited\"").matcher(body);
        while (invited.find()) {
            String id = invited.group(1);
            api.post("/api/v2/me/chats/" + id, token, Api.json("operationName", "Accept", "nickname", "Agent")).ok();
            chats.add(new Chat(id, token));
        }
        return null;
    }

    /** Runs {@code count} tasks on virtual threads, at most 32 at once, and returns their results in order. */
    static <T> List<T> parallel(int count, java.util.function.IntFunction<T> task) throws Exception {
        Semaphore permits = new Semaphore(32);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit((Callable<T>) () -> {
                    permits.acquire();
                    try {
                        return task.apply(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** redis-benchmark running the app's own load command and commit script at the same concurrency. */
    Map<String, Double> redisBenchmark(int clients) throws Exception {
        String script = Files.readString(Path.of("src/main/resources/lua/commit.lua"));
        String sha = command(List.of("redis-cli", "-p", Integer.toString(redisPort), "SCRIPT", "LOAD", script)).trim();
        // a chat SendMessage runs on, not one of the Invite pairs' (every Invite→Accept→Leave adds a past participant)
        String doc = command(List.of("redis-cli", "-p", Integer.toString(redisPort), "--raw", "HGET",
                "parley:chat:{" + chats.get(1).id() + "}", "doc")).trim();
        String message = "{\"index\":9,\"from\":{\"nickname\":\"Agent\",\"type\":\"Agent\",\"participantId\":"
                + "\"0123456789AB0002\"},\"timestamp\":\"2026-11-27T15:00:00.000+0000\",\"timestampSeconds\":"
                + "1795791600000,\"visibility\":\"All\",\"type\":\"Text\",\"text\":\"load 1\"}";
        String notification = "{\"notificationType\":\"NewMessages\",\"messageType\":\"MessageLogUpdated\",\"messages\":["
                + message + "],\"chatUri\":\"http://127.0.0.1/api/v2/chats/0000000000000000\",\"referenceId\":9}";
        Map<String, Double> result = new LinkedHashMap<>();
        // the load reads a real chat; the commits write new keys in a database of their own, emptied afterwards
        // (100,000 commits leave ~300,000 keys that would otherwise weigh on the phases that follow)
        result.put("load", redisBenchmark(clients, 0, List.of("HMGET", "parley:chat:{" + chats.get(1).id() + "}",
                "v", "doc", "base")));
        result.put("commit", redisBenchmark(clients, 1, List.of("EVALSHA", sha, "4", "bench:chat:{__rand_int__}",
                "bench:chat:{__rand_int__}:transcript", "bench:log:{u:__rand_int__}", "bench:log:{c:__rand_int__}",
                "0", doc, "1000", "600000", "bench:wake", "16384", "http://127.0.0.1", "1", message, "0",
                "2", "log", "3", notification, "u:bench", "log", "4", notification, "c:bench")));
        command(List.of("redis-cli", "-p", Integer.toString(redisPort), "-n", "1", "FLUSHDB"));
        return result;
    }

    private double redisBenchmark(int clients, int database, List<String> commandLine) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-benchmark", "-p", Integer.toString(redisPort), "-c",
                Integer.toString(clients), "-n", "100000", "-r", "100000000", "--dbnum", Integer.toString(database),
                "--csv"));
        command.addAll(commandLine);
        String csv = command(command);
        // "test","rps","avg_latency_ms",...,"max_latency_ms": the test name (our command) may hold quotes and
        // commas itself, so the rate is read counting from the end of the line
        for (String line : csv.split("\n")) {
            String[] cells = line.split("\",\"");
            if (cells.length >= 8 && !line.startsWith("\"test\"")) {
                return Double.parseDouble(cells[cells.length - 7].replace("\"", ""));
            }
        }
        throw new IllegalStateException("Unreadable redis-benchmark output: " + csv);
    }

    static String command(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
        return output;
    }

    /**
     * The push role on its own: notifications appended to customers' logs in Redis (as a commit does) at a fixed
     * rate, with thousands of customers subscribed; measured from Redis's reply to the arrival at the subscriber,
     * as nchan is measured from its publisher's reply.
     */
    Push parleyPushLatency(int subscribers, double rate, long warmupMillis, long measureMillis) throws Exception {
        List<String[]> customers = customers(subscribers);
        try (Fleet fleet = new Fleet(); RedisFeed feed = new RedisFeed(redisPort, 16)) {
            fleet.connect(customers.stream().map(c -> api.base() + "/api/v2/notifications").toList(),
                    customers.stream().map(c -> c[1]).toList());
            return pushLatency("Parley push latency, " + subscribers + " SSE clients", rate, warmupMillis,
                    measureMillis, fleet,
                    (n) -> {
                        String[] customer = customers.get((int) (n % customers.size()));
                        feed.publish("parley:", "c:" + customer[0] + ":" + customer[2],
                                "{\"notificationType\":\"NewMessages\",\"messageType\":\"MessageLogUpdated\","
                                        + "\"messages\":[{\"type\":\"Text\",\"text\":\"m-" + n + "\"}]}");
                    });
        }
    }

    private List<String[]> customers(int count) throws Exception {
        return parallel(count, i -> {
            Api.Reply started = api.post("/api/v2/chats", null, Api.json("nickname", "Watcher" + i)).ok();
            return new String[] { started.field("chatId"), started.field("token"), started.field("participantId") };
        });
    }

    interface Send {
        void send(long marker) throws Exception;
    }

    /** Push latency right after the clients connected, and once settled. */
    record Push(Load.Result settling, Load.Result steady) {
    }

    /**
     * Sends at a fixed rate and measures from each reply to the marker's arrival at its subscriber: the first second
     * after every client connected (the servers still settling from the connection storm) apart from the
     * {@code measureMillis} that follow a warm-up of {@code warmupMillis}.
     */
    private static Push pushLatency(String name, double rate, long warmupMillis, long measureMillis, Fleet fleet,
            Send send) throws InterruptedException {
        Latencies settling = new Latencies();
        Latencies steady = new Latencies();
        long[] errors = new long[1];
        long interval = (long) (1e9 / rate);
        long firstSecond = (long) rate;
        long warm = (long) (rate * Math.max(warmupMillis, 1_000) / 1000);
        long total = warm + (long) (rate * measureMillis / 1000);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (long n = 0; n < total; n++) {
            long wait = start + n * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long marker = n;
            Latencies into = n < firstSecond ? settling : n >= warm ? steady : null;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    send.send(marker);
                    long replied = System.nanoTime();
                    Long arrived = fleet.arrival(marker, Duration.ofSeconds(10));
                    if (arrived == null) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    } else if (into != null) {
                        into.add(Math.max(0, arrived - replied));
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors[0]++;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Push(new Load.Result(name + ", first 1 s after connecting", settling.count(), settling, 0),
                new Load.Result(name, steady.count() * 1000.0 / measureMillis, steady, errors[0]));
    }

    /** The same fan-out through nginx + nchan: publish to a subscriber's channel, measure its arrival. */
    Push nchanPushLatency(int subscribers, double rate, long warmupMillis, long measureMillis) throws Exception {
        Api nchan = startNchan();
        try (Fleet fleet = new Fleet()) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                urls.add(nchan.base() + "/sub/c" + i);
            }
            fleet.connect(urls, null);
            return pushLatency("nchan push latency, " + subscribers + " SSE clients", rate, warmupMillis,
                    measureMillis, fleet,
                    (n) -> {
                        Api.Reply published = nchan.post("/pub/c" + (n % subscribers), null, "m-" + n);
                        if (published.status() >= 300) {
                            throw new IllegalStateException("nchan publish failed: " + published.status());
                        }
                    });
        }
    }

    private Process nginx;
    private Api nchanApi;

    private Api startNchan() throws Exception {
        if (nchanApi != null) {
            return nchanApi;
        }
        int port = Processes.freePort();
        Path prefix = Files.createDirectories(out.resolve("nginx").toAbsolutePath());
        Files.createDirectories(prefix.resolve("logs"));
        String config = """
                load_module /usr/lib/nginx/modules/ngx_nchan_module.so;
                worker_processes 2;
                worker_rlimit_nofile 20000;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 20000; }
                http {
                    access_log off;
                    upstream parley_redis { nchan_redis_server redis://127.0.0.1:%2$d; }
                    server {
                        listen 127.0.0.1:%3$d;
                        location ~ ^/sub/(\\w+)$ { nchan_subscriber eventsource; nchan_channel_id $1; nchan_redis_pass parley_redis; }
                        location ~ ^/pub/(\\w+)$ { nchan_publisher; nchan_channel_id $1; nchan_redis_pass parley_redis; }
                    }
                }
                """.formatted(prefix, redisPort, port);
        Files.writeString(prefix.resolve("nginx.conf"), config);
        nginx = processes.start("nginx", List.of("nginx", "-p", prefix.toString(), "-c",
                prefix.resolve("nginx.conf").toString()), Map.of());
        Processes.awaitPort(port, 10_000);
        nchanApi = new Api("http://127.0.0.1:" + port);
        return nchanApi;
    }

    /**
     * RSS of a Parley push role on its own (as deploy/ runs it, beside the api role), from the jar and from the native
     * executable when there is one, and of nginx+nchan, before and after {@code count} idle SSE clients connect.
     */
    Map<String, Long> idleConnectionsRss(int count) throws Exception {
        Map<String, Long> rss = new LinkedHashMap<>();
        List<String[]> customers = customers(Math.min(count, 5_000));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(customers.get(i % customers.size())[1]);
        }
        // -Dbench.pushOptions="..." tries other JVM options for the push role
        pushRoleRss("parley", Build.JAR, jvmOptions("bench.pushOptions"), tokens, rss);
        if (hasNative()) {
            pushRoleRss("native", Build.NATIVE, List.of(), tokens, rss);
        }
        // a fresh nginx too, as the push role is fresh: neither has grown on the push latency phase before
        if (nginx != null) {
            Processes.stop(nginx);
            nchanApi = null;
        }
        Api nchan = startNchan();
        Thread.sleep(2_000);
        rss.put("nchanBeforeKb", Processes.rssKb(nginx.pid()));
        try (Fleet fleet = new Fleet()) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                urls.add(nchan.base() + "/sub/idle" + i);
            }
            fleet.connect(urls, null);
            Thread.sleep(3_000);
            rss.put("nchanAfterKb", Processes.rssKb(nginx.pid()));
        }
        return rss;
    }

    /** Puts {@code <key>BeforeKb} and {@code <key>AfterKb}: a fresh push role, idle, then holding one stream per token. */
    private void pushRoleRss(String key, Build build, List<String> options, List<String> tokens, Map<String, Long> rss)
            throws Exception {
        int port = Processes.freePort();
        Map<String, String> environment = new HashMap<>(appEnvironment);
        environment.put("PARLEY_ROLE", "push");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Api push = new Api("http://127.0.0.1:" + port);
        Process pushRole = startApp(key + "-push", build, options, environment);
        try {
            awaitReady(push, 60_000);
            Thread.sleep(2_000);
            rss.put(key + "BeforeKb", Processes.rssKb(pushRole.pid()));
            try (Fleet fleet = new Fleet()) {
                fleet.connect(Collections.nCopies(tokens.size(), push.base() + "/api/v2/notifications"), tokens);
                Thread.sleep(3_000);
                rss.put(key + "AfterKb", Processes.rssKb(pushRole.pid()));
            }
        } finally {
            Processes.stop(pushRole);
        }
    }

    /** Process start to the first authenticated, Redis-backed answer, with and without the AOT cache. */
    Map<String, Double> coldStart() throws Exception {
        Processes.stop(app);
        Path cache = out.resolve("app.aot").toAbsolutePath();
        Files.deleteIfExists(cache);
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plain.add(timeToFirstAnswer("cold-plain-" + i, List.of()));
        }
        // a representative training run: sign-in, chat operations, notifications; the JVM writes the cache at exit
        Process training = startApp("aot-training", List.of("-XX:AOTCacheOutput=" + cache));
        awaitReady(60_000);
        Chat chat = chats.get(0);
        api.get("/api/v2/me", agentToken).ok();
        api.get("/api/v2/me/chats", chat.agentToken()).ok();
        for (int i = 0; i < 200; i++) {
            api.post("/api/v2/me/chats/" + chat.id(), chat.agentToken(),
                    Api.json("operationName", "SendMessage", "text", "training " + i)).ok();
        }
        Processes.stop(training);
        if (!Files.exists(cache)) {
            throw new IllegalStateException("The training run wrote no AOT cache: see target/bench/logs/aot-training.log");
        }
        List<Double> aot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            aot.add(timeToFirstAnswer("cold-aot-" + i, List.of("-XX:AOTCache=" + cache)));
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("plain", median(plain));
        result.put("aot", median(aot));
        if (hasNative()) {
            List<Double> nativeStarts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                nativeStarts.add(timeToFirstAnswer("cold-native-" + i, Build.NATIVE, List.of()));
            }
            result.put("native", median(nativeStarts));
        }
        return result;
    }

    /**
     * The api role as a Lambda function (target/function.zip, unpacked by bench/run into
     * {@code function}): process start to the first API Gateway event answered through the Runtime API, plain and
     * with an AOT cache trained on events, as {@link #coldStart()} measures the HTTP server.
     */
    Map<String, Double> functionColdStart(Path function) throws Exception {
        Path cache = out.resolve("function.aot").toAbsolutePath();
        Files.deleteIfExists(cache);
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plain.add(timeToFirstEvent("function-plain-" + i, function, List.of()));
        }
        try (RuntimeApi runtime = new RuntimeApi()) {
            Process training = startFunction("function-aot-training", function,
                    List.of("-XX:AOTCacheOutput=" + cache), runtime);
            Chat chat = chats.get(0);
            firstEvent(runtime, 60_000);
            runtime.call("GET", "/api/v2/me/chats", chat.agentToken(), null, 10_000);
            for (int i = 0; i < 200; i++) {
                runtime.call("POST", "/api/v2/me/chats/" + chat.id(), chat.agentToken(),
                        Api.json("operationName", "SendMessage", "text", "training " + i), 10_000);
            }
            Processes.stop(training);
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("The training run wrote no AOT cache: see target/bench/logs/function-aot-training.log");
        }
        List<Double> aot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            aot.add(timeToFirstEvent("function-aot-" + i, function, List.of("-XX:AOTCache=" + cache)));
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("plain", median(plain));
        result.put("aot", median(aot));
        return result;
    }

    private double timeToFirstEvent(String name, Path function, List<String> jvmOptions) throws Exception {
        try (RuntimeApi runtime = new RuntimeApi()) {
            long start = System.nanoTime();
            Process process = startFunction(name, function, jvmOptions, runtime);
            try {
                firstEvent(runtime, 60_000);
                return (System.nanoTime() - start) / 1e6;
            } finally {
                Processes.stop(process);
            }
        }
    }

    /** The first authenticated, Redis-backed event, answered with HTTP 200. */
    private void firstEvent(RuntimeApi runtime, long timeoutMillis) throws Exception {
        String reply = runtime.call("GET", "/api/v2/me", agentToken, null, timeoutMillis);
        if (!reply.contains("\"statusCode\":200")) {
            throw new IllegalStateException("The function answered: " + reply);
        }
    }

    /**
     * The unpacked zip on the class path Lambda's java21 runtime gives it (the root, then lib/*.jar), run by
     * {@link FunctionRuntime} with the template's handler, in the api role, sized as the pods' JVM.
     */
    private Process startFunction(String name, Path function, List<String> jvmOptions, RuntimeApi runtime)
            throws IOException {
        Path runtimeClasses = out.resolve("function-runtime");
        Path runtimeJar = out.resolve("function-runtime.jar");
        Path rootJar = out.resolve("function-root.jar");
        if (!Files.exists(runtimeJar)) {
            int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                    runtimeClasses.toString(), "bench/src/parley/bench/FunctionRuntime.java");
            if (compiled != 0) {
                throw new IllegalStateException("FunctionRuntime did not compile");
            }
            // an AOT cache takes jars only on the class path: the zip's root, and this runtime, become one each
            FunctionJars.pack(runtimeClasses, runtimeJar);
            FunctionJars.pack(function, rootJar);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CONTAINER_MEMORY);
        // what the manifest's Add-Opens gives a java -jar launch; JDK 24 and later need it, java21 does not
        command.addAll(FunctionJars.addOpens(function));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, runtimeJar.toString(), rootJar.toString(),
                function.resolve("lib") + "/*"));
        command.add("parley.bench.FunctionRuntime");
        Map<String, String> environment = new HashMap<>(appEnvironment);
        environment.put("PARLEY_ROLE", "api");
        environment.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        environment.put("_HANDLER", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        return processes.start(name, command, environment);
    }

    private double timeToFirstAnswer(String name, List<String> jvmOptions) throws Exception {
        return timeToFirstAnswer(name, Build.JAR, jvmOptions);
    }

    private double timeToFirstAnswer(String name, Build build, List<String> options) throws Exception {
        long start = System.nanoTime();
        Process process = startApp(name, build, options, appEnvironment);
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                try {
                    if (api.get("/api/v2/me", agentToken).status() == 200) {
                        return (System.nanoTime() - start) / 1e6;
                    }
                } catch (RuntimeException e) {
                    // not listening yet
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException(name + " never answered");
        } finally {
            Processes.stop(process);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceAll(".*:\\s*", ""))
                    .orElse("unknown CPU");
            String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                    + Long.parseLong(memory) / 1024 / 1024 + " GiB, JDK " + Runtime.version() + ", "
                    + ManagementFactory.getOperatingSystemMXBean().getName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(toJson(v)));
            return out.append('}').toString();
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isNaN(d) ? "null" : number.toString();
        }
        return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        processes.close();
    }
}
