package parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parley's benchmark: starts its own Redis, the packaged app and nginx+nchan on loopback, measures, prints a table
 * and writes the same figures to target/bench/results.json; then a Redis Cluster with an app of its own for the
 * cluster rows. Bounded: it ends itself after ten minutes at most.
 */
public final class Main {

    static final int AGENTS = Integer.getInteger("bench.agents", 64);
    static final int WORKERS = Integer.getInteger("bench.workers", 32);
    static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 5_000);
    static final int IDLE = Integer.getInteger("bench.idle", 10_000);
    static final double PUSH_RATE = Double.parseDouble(System.getProperty("bench.pushRate", "1000"));
    static final long WARMUP = Long.getLong("bench.warmupMillis", 3_000);
    static final long MEASURE = Long.getLong("bench.measureMillis", 10_000);
    /** What the cluster phase's app waits for after each commit, as deploy/kubernetes/cluster/config.yaml sets it. */
    static final String CLUSTER_WAIT_REPLICAS = System.getProperty("bench.clusterWaitReplicas", "1");

    private final Setup setup;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    /** Redis commands and round trips per operation, standalone and cluster: rows after the throughput rows. */
    private final List<String[]> usageRows = new ArrayList<>();
    private final Map<String, Object> redisUsage = new LinkedHashMap<>();

    private Main(Setup setup) {
        this.setup = setup;
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(10));
                System.err.println("Benchmark over its ten minutes: stopping");
                System.exit(2);
            } catch (InterruptedException e) {
                // finished in time
            }
        });
        Path out = Path.of("target", "bench");
        try (Setup setup = Setup.start(out)) {
            Main bench = new Main(setup);
            // -Dbench.phases=push,... runs a part, e.g. to look at one figure again
            List<String> phases = List.of(System.getProperty("bench.phases", "operations,redis,push,coldstart,function,cluster")
                    .split(","));
            if (phases.contains("operations")) {
                bench.operations();
            }
            if (phases.contains("redis")) {
                bench.redisBaseline();
            }
            if (phases.contains("push")) {
                bench.push();
            }
            if (phases.contains("coldstart")) {
                bench.coldStart();
            }
            if (phases.contains("function") && System.getProperty("bench.function") != null) {
                bench.functionColdStart(Path.of(System.getProperty("bench.function")));
            }
            if (phases.contains("cluster")) {
                bench.cluster();
            }
            bench.report(out);
        }
        watchdog.interrupt();
    }

    private void operations() throws Exception {
        Api api = setup.api();
        Load.Result noop = Load.closedLoop("no-op endpoint (GET /api/v2/ping)", WORKERS, WARMUP, MEASURE,
                (worker, n) -> api.get("/api/v2/ping", null).ok());
        row(noop, null);

        List<Integer> redis = List.of(setup.redisPort());
        Load.Operation send = sendMessage(setup);
        Load.Result sendMax = counted("SendMessage, closed loop", WORKERS, send, redis,
                "Redis per SendMessage, standalone");
        row(sendMax, noop);
        row(Load.fixedRate("SendMessage at 50% of max", sendMax.perSecond() / 2, WORKERS, MEASURE, send), null);

        Load.Operation cycle = inviteCycle(setup);
        Load.Result cycleMax = counted("Invite→Accept→Leave cycle, closed loop", setup.pairs().size(), cycle, redis,
                "Redis per Invite→Accept→Leave cycle, standalone");
        row(cycleMax, null);
        figures.put("inviteCycleOperationsPerSecond", cycleMax.perSecond() * 3);
        row(Load.fixedRate("Invite→Accept→Leave cycle at 50% of max", cycleMax.perSecond() / 2, setup.pairs().size(),
                MEASURE, cycle), null);
    }

    private static Load.Operation sendMessage(Setup on) {
        Api api = on.api();
        List<Setup.Chat> chats = on.chats();
        return (worker, n) -> {
            Setup.Chat chat = chats.get(ThreadLocalRandom.current().nextInt(chats.size()));
            api.post("/api/v2/me/chats/" + chat.id(), chat.agentToken(),
                    Api.json("operationName", "SendMessage", "text", "load " + n)).ok();
        };
    }

    private static Load.Operation inviteCycle(Setup on) {
        Api api = on.api();
        List<Setup.Pair> pairs = on.pairs();
        return (worker, n) -> {
            Setup.Pair pair = pairs.get(worker % pairs.size());
            String path = "/api/v2/me/chats/" + pair.chatId();
            api.post(path, pair.hostToken(), Api.json("operationName", "Invite", "targetUri", pair.guestUri())).ok();
            api.post(path, pair.guestToken(), Api.json("operationName", "Accept", "nickname", "Guest")).ok();
            api.post(path, pair.guestToken(), Api.json("operationName", "Leave")).ok();
        };
    }

    /**
     * A closed loop whose Redis cost is read too: INFO of {@code redisPorts} (the primaries) before and after it,
     * divided by the operations done, warm-up included; added as a row named {@code usageName}.
     */
    private Load.Result counted(String name, int workers, Load.Operation operation, List<Integer> redisPorts,
            String usageName) throws Exception {
        AtomicLong done = new AtomicLong();
        RedisCounters.Snapshot before = RedisCounters.take(redisPorts);
        Load.Result result = Load.closedLoop(name, workers, WARMUP, MEASURE, (worker, n) -> {
            operation.run(worker, n);
            done.incrementAndGet();
        });
        RedisCounters.Usage usage = RedisCounters.between(before, RedisCounters.take(redisPorts), done.get());
        usageRows.add(new String[] { usageName, "", usage.note(), "", "", "" });
        redisUsage.put(usageName, usage.figures());
        return result;
    }

    /**
     * SendMessage and the Invite cycle again, on a Redis Cluster of three primaries and three replicas with an app
     * of its own, measured as the standalone rows are; each primary's share of the commands shows how evenly the
     * chats' and users' hash slots spread the work.
     */
    private void cluster() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(setup.out().resolve("cluster"))) {
            Setup onCluster = setup.onCluster(cluster.seeds(), CLUSTER_WAIT_REPLICAS);
            try {
                List<Integer> primaries = cluster.primaryPorts();
                String where = "Redis Cluster, 3 primaries + 3 replicas, WAIT " + CLUSTER_WAIT_REPLICAS;
                row(counted("SendMessage, closed loop, " + where, WORKERS, sendMessage(onCluster), primaries,
                        "Redis per SendMessage, cluster, WAIT " + CLUSTER_WAIT_REPLICAS), null);
                Load.Result cycle = counted("Invite→Accept→Leave cycle, closed loop, " + where,
                        onCluster.pairs().size(), inviteCycle(onCluster), primaries,
                        "Redis per Invite→Accept→Leave cycle, cluster, WAIT " + CLUSTER_WAIT_REPLICAS);
                row(cycle, null);
                figures.put("clusterInviteCycleOperationsPerSecond", cycle.perSecond() * 3);
            } finally {
                onCluster.stopApp();
            }
        }
    }

    private void redisBaseline() throws Exception {
        Map<String, Double> redis = setup.redisBenchmark(WORKERS);
        figures.put("redisBenchmark", redis);
        double load = redis.get("load");
        double commit = redis.get("commit");
        double both = 1 / (1 / load + 1 / commit);
        figures.put("redisOnlySendMessagePerSecond", both);
        table.add(new String[] { "redis-benchmark HMGET (the load), c=" + WORKERS, fmt(load), "", "", "", "" });
        table.add(new String[] { "redis-benchmark EVALSHA commit.lua, c=" + WORKERS, fmt(commit), "", "", "", "" });
        table.add(new String[] { "Redis-only load+commit (baseline for SendMessage)", fmt(both), "", "", "", "" });
    }

    private void push() throws Exception {
        Setup.Push parley = setup.parleyPushLatency(SUBSCRIBERS, PUSH_RATE, WARMUP, MEASURE);
        Setup.Push nchan = setup.nchanPushLatency(SUBSCRIBERS, PUSH_RATE, WARMUP, MEASURE);
        row(parley.steady(), null);
        row(nchan.steady(), null);
        row(parley.settling(), null);
        row(nchan.settling(), null);
        Map<String, Long> rss = setup.idleConnectionsRss(IDLE);
        figures.put("idleRss", rss);
        rssRow("Parley push role RSS with " + IDLE + " idle SSE clients (MB)", rss, "parley");
        if (Setup.hasNative()) {
            rssRow("Parley push role, native*, RSS with " + IDLE + " idle SSE clients (MB)", rss, "native");
        }
        rssRow("nchan RSS with " + IDLE + " idle SSE clients (MB)", rss, "nchan");
    }

    /** The process's RSS with the idle clients, its RSS before them, and what each client cost. */
    private void rssRow(String name, Map<String, Long> rss, String key) {
        long before = rss.get(key + "BeforeKb");
        long after = rss.get(key + "AfterKb");
        table.add(new String[] { name, fmt(after / 1024.0), "idle " + fmt(before / 1024.0) + " MB, per connection: "
                + fmt((after - before) * 1024.0 / IDLE) + " B", "", "", "" });
    }

    private void coldStart() throws Exception {
        Map<String, Double> start = setup.coldStart();
        figures.put("coldStartMillis", start);
        table.add(new String[] { "cold start, plain JVM (ms, median of 3)", fmt(start.get("plain")), "", "", "", "" });
        table.add(new String[] { "cold start, AOT cache (ms, median of 3)", fmt(start.get("aot")),
                "ratio " + String.format("%.2f", start.get("aot") / start.get("plain")), "", "", "" });
        if (start.containsKey("native")) {
            table.add(new String[] { "cold start, native* (ms, median of 3)", fmt(start.get("native")),
                    "ratio " + String.format("%.2f", start.get("native") / start.get("plain")), "", "", "" });
        }
    }

    /** The api role as a Lambda function: process start to the first answered API Gateway event. */
    private void functionColdStart(Path function) throws Exception {
        Map<String, Double> start = setup.functionColdStart(function);
        figures.put("functionColdStartMillis", start);
        table.add(new String[] { "Lambda function cold start, plain JVM (ms, median of 3)", fmt(start.get("plain")),
                "", "", "", "" });
        table.add(new String[] { "Lambda function cold start, AOT cache (ms, median of 3)", fmt(start.get("aot")),
                "ratio " + String.format("%.2f", start.get("aot") / start.get("plain")), "", "", "" });
    }

    private void row(Load.Result result, Load.Result baseline) {
        Latencies l = result.latencies();
        String ratio = baseline == null ? "" : String.format("%.2f × %s", result.perSecond() / baseline.perSecond(), "no-op");
        table.add(new String[] { result.name(), fmt(result.perSecond()), ratio, fmt(l.percentileMillis(50)),
                fmt(l.percentileMillis(99)), fmt(l.percentileMillis(99.9)) });
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("perSecond", result.perSecond());
        figure.put("p50Millis", l.percentileMillis(50));
        figure.put("p99Millis", l.percentileMillis(99));
        figure.put("p999Millis", l.percentileMillis(99.9));
        figure.put("samples", l.count());
        figure.put("errors", result.errors());
        figures.put(result.name(), figure);
    }

    private void report(Path out) throws Exception {
        table.addAll(usageRows);
        if (!redisUsage.isEmpty()) {
            figures.put("redisPerOperation", redisUsage);
        }
        figures.put("machine", Setup.machine());
        StringBuilder text = new StringBuilder();
        text.append(String.format("| %-58s | %10s | %-22s | %8s | %8s | %8s |%n", "measure", "per second",
                "ratio / note", "p50 ms", "p99 ms", "p99.9 ms"));
        text.append("|").append("-".repeat(60)).append("|").append("-".repeat(12)).append("|").append("-".repeat(24))
                .append("|").append("-".repeat(10)).append("|").append("-".repeat(10)).append("|")
                .append("-".repeat(10)).append("|\n");
        for (String[] row : table) {
            text.append(String.format("| %-58s | %10s | %-22s | %8s | %8s | %8s |%n", (Object[]) row));
        }
        System.out.println();
        System.out.println("Machine: " + figures.get("machine"));
        if (Setup.hasNative()) {
            text.append("\n* native: built with the SubstrateVM builder on this JDK, which links the JDK's own libraries"
                    + " dynamically; its size and start are indicative, not those of a GraalVM build.\n");
        }
        System.out.print(text);
        Files.writeString(out.resolve("results.md"), text.toString());
        Files.writeString(out.resolve("results.json"), Setup.toJson(figures));
        System.out.println("Figures written to " + out.resolve("results.json"));
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format("%.0f", value) : String.format("%.2f", value);
    }
}
