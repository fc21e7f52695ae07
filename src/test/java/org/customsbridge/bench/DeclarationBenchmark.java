package org.customsbridge.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.customsbridge.alipayplus.AlipayPlusApi;
import org.customsbridge.alipayplus.DeclareRequestMapper;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.record.Declaration;
import org.customsbridge.signing.AlipayPlusSignature;
import org.customsbridge.simulator.DemoKeys;
import org.customsbridge.signing.MapiSignature;
import org.customsbridge.signing.MapiSigner;
import org.customsbridge.signing.PemKeys;
import org.customsbridge.signing.SignatureHeader;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark (bench/README.md): figures measured in one run on this machine, printed as a table
 * and written as JSON under bench/results/. Not a test: it asserts nothing about time, and runs only
 * with {@code mvn verify -Pbench}.
 */
class DeclarationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = Integer.getInteger("bench.records", 20_000);
    /**
     * Warm-up (bench/README.md): files of this many records go through the bundle before the measured
     * one, until the JIT compilers spend less than JIT_SETTLED of a file's CPU and hold at most
     * JIT_QUEUE_SETTLED methods in their queue, at most WARM_UP_FILES. On two cores under full load they
     * get a small share of the CPU and need minutes to compile the hot code (a starved compiler spends
     * little while its queue is long); a file measured before they are done counts their CPU and the
     * slower code they have not replaced yet.
     */
    private static final int WARM_UP_RECORDS = Integer.getInteger("bench.warmup.records", 10_000);
    private static final int WARM_UP_FILES = Integer.getInteger("bench.warmup.files", 20);
    private static final double JIT_SETTLED = 0.05;
    private static final int JIT_QUEUE_SETTLED = 20;
    private static final int BASELINE_SAMPLE = Integer.getInteger("bench.baseline.sample", 50);
    /** The memory part's file sizes, smallest first, each run by a fresh jar ({@code 0} or empty: none). */
    private static final List<Integer> MEMORY_RECORDS = java.util.Arrays.stream(
                    System.getProperty("bench.memory.records", "1000000").split(","))
            .map(String::strip).filter(size -> !size.isEmpty()).map(Integer::valueOf).filter(size -> size > 0)
            .sorted().toList();
    /**
     * Declarations the memory part's simulated gateway keeps (customs.simulator.remember): without a
     * bound it keeps every one it answered, and millions of them fill the benchmark's own heap.
     */
    private static final int MEMORY_GATEWAY_REMEMBERS = 100_000;
    /** Time per record and heap after old-generation collections "flat in the file size" (bench/README.md, target 4). */
    private static final double FLAT = 0.10;
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("bench.latency-ms", 100));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 200);
    /** For a quicker look or a profile: which gateways, and whether tracking and memory are measured. */
    private static final List<String> GATEWAYS = List.of(System.getProperty("bench.gateways", "alipay-plus,mapi")
            .split(","));
    /** The collector of this JVM (pom: bench.gc), also given to the jar started for the memory part. */
    private static final List<String> GC = System.getProperty("bench.gc", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.gc").strip().split("\\s+"));
    private static final boolean TRACKING = Boolean.parseBoolean(System.getProperty("bench.tracking", "true"));
    /** Whether the CPU of each route step is measured over the timed file (RouteStepCpu). */
    private static final boolean STEPS = Boolean.getBoolean("bench.steps");

    @TempDir
    Path root;

    @Test
    void run() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
        // the collector and the thread priorities the figures were measured with (pom: bench.gc, bench.priorities)
        figures.put("jvmOptions", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:")).toList());
        figures.put("records", RECORDS);
        figures.put("latencyMs", LATENCY.toMillis());
        for (String gateway : GATEWAYS) {
            Map<String, Object> row = new LinkedHashMap<>();
            double limit = gateway.equals("mapi") ? md5Limit() : rsaLimit();
            row.put("limitPerSecond", round(limit));
            Path gatewayRoot = Files.createDirectories(root.resolve(gateway));
            RouteStepCpu steps = new RouteStepCpu();
            try (Bundle bundle = Bundle.start(gatewayRoot, Map.of("customs.gateway", gateway,
                    "customs.mapi.sign-type", "MD5", "customs.simulator.latency", LATENCY.toMillis() + "ms",
                    "customs.intake.concurrency", Integer.toString(CONCURRENCY),
                    "customs.http.max-connections", Integer.toString(CONCURRENCY),
                    "server.tomcat.threads.max", Integer.toString(CONCURRENCY + 50),
                    "customs.tracking.poll-interval", "1d", "customs.simulator.customs-delay", "1h",
                    "logging.level.org.customsbridge", "WARN"), null,
                    STEPS ? Map.of("routeStepCpu", steps) : Map.of())) {
                List<Map<String, Object>> warmUp = untilJitSettled(file ->
                        endToEnd(gatewayRoot, gateway, bundle, "warm-up-" + file + ".csv", WARM_UP_RECORDS));
                long cpuBefore = processCpuNanos();
                Map<Long, Long> threadsBefore = threadCpuNanos();
                Map<String, JvmThreadCpu.Task> jvmBefore = JvmThreadCpu.snapshot();
                steps.measure(true);
                double endToEnd = endToEnd(gatewayRoot, gateway, bundle, "orders.csv", RECORDS);
                steps.measure(false);
                double cpuMs = (processCpuNanos() - cpuBefore) / 1e6 / RECORDS;
                Map<String, Double> byThreads = cpuMsByThreads(threadsBefore, jvmBefore, cpuMs, RECORDS);
                row.put("cpuMsPerDeclarationByThreads", byThreads);
                if (STEPS) {
                    row.put("cpuMsPerDeclarationBySteps", steps.msPerDeclaration(RECORDS));
                }
                row.put("warmUpRecordsPerFile", WARM_UP_RECORDS);
                row.put("warmUp", warmUp);
                row.put("endToEndColdPerSecond", warmUp.get(0).get("perSecond"));
                row.put("endToEndPerSecond", round(endToEnd));
                row.put("endToEndShareOfLimit", round(endToEnd / limit));
                // CPU per declaration (bundle and simulator share this JVM) beside the crypto's own share
                // of it: less sensitive to other load on the machine than the rates
                row.put("cpuMsPerDeclaration", round(cpuMs));
                // how much of the machine the file kept busy: idle cores are a pipeline's waits, not its work
                row.put("endToEndCoresBusyShare", round(coresBusy(cpuMs, endToEnd)));
                row.put("cryptoMsPerDeclaration", round(1000.0 * CORES / limit));
                if (gateway.equals("alipay-plus")) {
                    double baseline = baseline(gatewayRoot, bundle.port());
                    row.put("baselinePerSecond", round(baseline));
                    row.put("endToEndOverBaseline", round(endToEnd / baseline));
                    Ceiling ceiling = ceiling(gatewayRoot, bundle.port(), RECORDS);
                    row.put("ceilingPerSecond", round(ceiling.perSecond()));
                    row.put("ceilingShareOfLimit", round(ceiling.perSecond() / limit));
                    row.put("endToEndShareOfCeiling", round(endToEnd / ceiling.perSecond()));
                    row.put("ceilingCpuMsPerDeclaration", round(ceiling.cpuMs()));
                    row.put("ceilingCoresBusyShare", round(coresBusy(ceiling.cpuMs(), ceiling.perSecond())));
                    row.put("ceilingCpuMsPerDeclarationByThreads", ceiling.cpuMsByThreads());
                    row.put("ceilingWarmUpRounds", ceiling.warmUp().size());
                    row.put("ceilingWarmUp", ceiling.warmUp());
                    // the bundle's own threads (the simulator's and the JVM's left out) against the
                    // ceiling's callers, which sign, send and verify and do nothing else
                    double bundleMs = bundleThreadsMs(byThreads);
                    double callersMs = ceiling.cpuMsByThreads().get("declareWorkers");
                    row.put("bundleCpuMsPerDeclaration", round(bundleMs));
                    row.put("ceilingCallersCpuMsPerDeclaration", round(callersMs));
                    row.put("bundleCpuOverCeilingCallers", round(bundleMs / callersMs));
                    // Both ratios again with each side's CPU counted in its own simulator's CPU per call.
                    // The simulator does the same work per call in both, while the host's speed may move
                    // between the end to end and the ceiling (by a fifth on shared machines): such a move
                    // changes both sides alike and drops out here. (What the bundle's threads cost the
                    // simulator on the shared cores drops out too: the ratios above keep it.) A rate is
                    // scaled by multiplying it with its simulator's CPU per call, a CPU figure by dividing.
                    double simulatorMs = byThreads.get("simulator");
                    double ceilingSimulatorMs = ceiling.cpuMsByThreads().get("simulator");
                    row.put("bundleCpuOverCeilingCallersInSimulatorUnits",
                            round(bundleMs / simulatorMs / (callersMs / ceilingSimulatorMs)));
                    row.put("endToEndShareOfCeilingInSimulatorUnits",
                            round(endToEnd * simulatorMs / (ceiling.perSecond() * ceilingSimulatorMs)));
                }
            }
            figures.put(gateway, row);
        }
        if (TRACKING) {
            figures.put("trackingCallsPer1000Open", trackingCallsPer1000());
        }
        if (!MEMORY_RECORDS.isEmpty()) {
            figures.put("memory", memory());
        }
        print(figures);
    }

    /** RSA-2048: client sign + client verify + simulator verify + simulator sign, on all cores. */
    private static double rsaLimit() throws Exception {
        KeyPair merchant = TestKeys.rsa2048();
        KeyPair alipay = TestKeys.rsa2048();
        String body = new DeclareRequestMapper(JSON).toJson(sample(1));
        return onAllCores(Duration.ofSeconds(5), () -> {
            String time = OffsetDateTime.now(ZoneOffset.UTC).toString();
            String request = AlipayPlusSignature.sign("POST", AlipayPlusApi.DECLARE_PATH, "C", time, body, merchant.getPrivate());
            AlipayPlusSignature.verify("POST", AlipayPlusApi.DECLARE_PATH, "C", time, body, request, merchant.getPublic());
            String answer = AlipayPlusSignature.sign("POST", AlipayPlusApi.DECLARE_PATH, "C", time, body, alipay.getPrivate());
            AlipayPlusSignature.verify("POST", AlipayPlusApi.DECLARE_PATH, "C", time, body, answer, alipay.getPublic());
        });
    }

    /** MD5: the same four operations; the limit is I/O, not crypto. */
    private static double md5Limit() throws Exception {
        MapiSigner signer = MapiSigner.md5("demokeyfordocsonly0123456789abcd");
        Map<String, String> params = new LinkedHashMap<>(Map.of("service", "alipay.acquire.customs", "partner",
                "2088101568338364", "out_request_no", "BENCH-000001", "amount", "123.45", "trade_no", "PAY-1"));
        return onAllCores(Duration.ofSeconds(3), () -> {
            String sign = signer.sign(params);
            signer.verify(MapiSignature.preSign(params), sign);
            String answer = signer.signContent("<alipay><result_code>SUCCESS</result_code></alipay>");
            signer.verify("<alipay><result_code>SUCCESS</result_code></alipay>", answer);
        });
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time so far of every live thread, by id. */
    private static Map<Long, Long> threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /**
     * Where the CPU of the timed file went, per declaration: declare workers, the simulator's HTTP
     * threads, the Quartz jobs (status sinks), other threads (and each of them from 0.01 ms on, as
     * {@code otherThreads.<name>}), and the rest of the process (GC, JIT, threads that ended meanwhile),
     * itself split into the JVM's own threads ({@code jvm.<kind>}) and what is left: threads that ended.
     * The thread names are the bundle's own (customs.intake, Tomcat, Quartz).
     */
    private static Map<String, Double> cpuMsByThreads(Map<Long, Long> before, Map<String, JvmThreadCpu.Task> jvmBefore,
                                                      double processMs, int records) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> byGroup = new LinkedHashMap<>();
        for (String group : List.of("declareWorkers", "simulator", "quartzJobs", "otherThreads")) {
            byGroup.put(group, 0.0);
        }
        Map<String, Double> others = new java.util.TreeMap<>();
        double threadsMs = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            double ms = (now - before.getOrDefault(info.getThreadId(), 0L)) / 1e6 / records;
            String name = info.getThreadName();
            String group = name.startsWith("declare-") ? "declareWorkers"
                    : name.startsWith("http-nio-") ? "simulator"
                    : name.startsWith("quartzScheduler_Worker") ? "quartzJobs" : "otherThreads";
            byGroup.merge(group, ms, Double::sum);
            if (group.equals("otherThreads")) {
                // which of them: the ledger's committer, the file reader, ... (digits as N, so that a pool is one line)
                others.merge("otherThreads." + name.replaceAll("\\d+", "N"), ms, Double::sum);
            }
            threadsMs += ms;
        }
        byGroup.put("jvmAndEndedThreads", processMs - threadsMs);
        if (JvmThreadCpu.available()) { // elsewhere than Linux the rest stays whole
            double jvmMs = 0;
            for (var kind : JvmThreadCpu.msPerRecordSince(jvmBefore, records).entrySet()) {
                byGroup.put("jvm." + kind.getKey(), kind.getValue());
                jvmMs += kind.getValue();
            }
            byGroup.put("endedThreads", processMs - threadsMs - jvmMs);
        }
        others.values().removeIf(ms -> ms < 0.01);
        byGroup.putAll(others);
        byGroup.replaceAll((group, ms) -> round(ms));
        return byGroup;
    }

    /** One warm-up round, numbered from 1; its rate per second. */
    @FunctionalInterface
    private interface WarmUpRound {
        double run(int round) throws Exception;
    }

    /**
     * Warm-up rounds until the JIT compilers spend under JIT_SETTLED of one's CPU and their queue holds
     * at most JIT_QUEUE_SETTLED methods after it, at most WARM_UP_FILES (all of them where the JIT's CPU
     * is not known), then a full collection, so that the garbage they left is not collected during what
     * is measured next. Each round's rate, JIT share and JIT queue.
     */
    private static List<Map<String, Object>> untilJitSettled(WarmUpRound round) throws Exception {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int number = 1; number <= WARM_UP_FILES; number++) {
            long processCpu = processCpuNanos();
            Map<String, JvmThreadCpu.Task> jit = JvmThreadCpu.snapshot();
            double rate = round.run(number);
            double jitShare = jitShareOfCpu(jit, processCpu);
            Map<String, Object> figures = new LinkedHashMap<>(Map.of("perSecond", round(rate)));
            if (!Double.isNaN(jitShare)) {
                figures.put("jitShareOfCpu", round(jitShare));
            }
            int queued = JitQueue.length();
            if (queued >= 0) {
                figures.put("jitQueue", queued);
            }
            rounds.add(figures);
            if (jitShare < JIT_SETTLED && queued <= JIT_QUEUE_SETTLED) { // NaN never is
                break;
            }
        }
        System.gc();
        return rounds;
    }

    /** The JIT compilers' share of the process CPU since the two readings; NaN elsewhere than Linux. */
    private static double jitShareOfCpu(Map<String, JvmThreadCpu.Task> jitBefore, long processCpuBefore) {
        if (!JvmThreadCpu.available()) {
            return Double.NaN;
        }
        double processMs = (processCpuNanos() - processCpuBefore) / 1e6;
        return JvmThreadCpu.msPerRecordSince(jitBefore, 1).get("jit") / processMs;
    }

    /** The CPU of the bundle's own threads: declare workers, Quartz jobs and its other threads. */
    private static double bundleThreadsMs(Map<String, Double> byThreads) {
        return byThreads.get("declareWorkers") + byThreads.get("quartzJobs") + byThreads.get("otherThreads");
    }

    private static double onAllCores(Duration duration, Runnable operation) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < 200; i++) {
            operation.run(); // warm up
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    operation.run();
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / (duration.toNanos() / 1e9);
    }

    /** A file of {@code records} records dropped into the inbox, timed until its results file is complete. */
    private static double endToEnd(Path gatewayRoot, String gateway, Bundle bundle, String name, int records)
            throws Exception {
        Inbox inbox = Inbox.under(gatewayRoot);
        Files.createDirectories(inbox.inbox());
        Integer ledgerBefore = bundle.jdbc().queryForObject("select count(*) from declaration", Integer.class);
        Path file = gatewayRoot.resolve(name);
        writeOrders(file, records, gateway);
        long start = System.nanoTime();
        Files.move(file, inbox.inbox().resolve(name));
        var rows = inbox.awaitResultsWithin(name, Duration.ofHours(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        long accepted = rows.stream().filter(r -> r.get("status").equals("ACCEPTED")).count();
        int ledger = bundle.jdbc().queryForObject("select count(*) from declaration", Integer.class) - ledgerBefore;
        boolean complete = rows.size() == records && accepted == records && ledger == records;
        System.out.printf("%s end to end, %s: %d records in %.1f s; results and ledger complete and correct: %s%n",
                gateway, name, records, seconds, complete ? "yes" : "NO (" + rows.size() + " rows, " + accepted
                        + " accepted, " + ledger + " ledger rows)");
        return records / seconds;
    }

    /** What a user of a synchronous SDK writes: one thread, one call after another. */
    private static double baseline(Path gatewayRoot, int port) throws Exception {
        BareDeclarations bare = new BareDeclarations(gatewayRoot, port);
        HttpClient http = HttpClient.newHttpClient();
        BareDeclarations.Transport transport = (uri, headers, body) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new BareDeclarations.Answer(answer.headers().firstValue(AlipayPlusApi.RESPONSE_TIME).orElseThrow(),
                    answer.headers().firstValue(AlipayPlusApi.SIGNATURE).orElseThrow(), answer.body());
        };
        long start = System.nanoTime();
        for (int i = 1; i <= BASELINE_SAMPLE; i++) {
            bare.declare(900_000 + i, transport);
        }
        return BASELINE_SAMPLE / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The most any pipeline could reach in this JVM: the baseline's calls (sign, POST, verify the
     * answer's signature) and nothing else - no file, ledger, routing or results - made by
     * CONCURRENCY threads through a pooled Apache HttpClient (the client under camel-http), against
     * the same simulator. What separates it from the limit is the two HTTP stacks and the
     * simulator's own work; what separates the end to end from it is the pipeline.
     */
    private static Ceiling ceiling(Path gatewayRoot, int port, int calls) throws Exception {
        BareDeclarations bare = new BareDeclarations(gatewayRoot, port);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(CONCURRENCY).setMaxConnPerRoute(CONCURRENCY).build();
        try (var http = HttpClients.custom()
                .setConnectionManager(connections).disableAutomaticRetries().disableRedirectHandling()
                .disableCookieManagement().disableContentCompression().disableAuthCaching().build()) {
            BareDeclarations.Transport transport = (uri, headers, body) -> {
                var post = new HttpPost(uri);
                headers.forEach(post::setHeader);
                post.setEntity(new StringEntity(body, StandardCharsets.UTF_8));
                return http.execute(post, answer -> new BareDeclarations.Answer(
                        answer.getFirstHeader(AlipayPlusApi.RESPONSE_TIME).getValue(),
                        answer.getFirstHeader(AlipayPlusApi.SIGNATURE).getValue(),
                        EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8)));
            };
            // named as the bundle's workers, so that the CPU split by threads counts them as such
            AtomicInteger threadNumber = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY,
                    task -> {
                        Thread caller = new Thread(task, "declare-bare-" + threadNumber.incrementAndGet());
                        // as the bundle's declare workers run: both yield alike to the simulator's threads
                        caller.setPriority(Thread.MIN_PRIORITY);
                        return caller;
                    });
            try {
                // warmed up as the bundle is: rounds of calls until the JIT compilers are (nearly) done
                int firstWarmUpId = 2_000_000;
                List<Map<String, Object>> warmUp = untilJitSettled(round -> WARM_UP_RECORDS / onThreads(pool,
                        WARM_UP_RECORDS, firstWarmUpId + (round - 1) * WARM_UP_RECORDS, transport, bare));
                long cpuBefore = processCpuNanos();
                Map<Long, Long> threadsBefore = threadCpuNanos();
                Map<String, JvmThreadCpu.Task> jvmBefore = JvmThreadCpu.snapshot();
                // numbered after the warm-up's, however many it made: an id declared again is answered
                // from the simulator's memory, which would not be a call like the others
                double seconds = onThreads(pool, calls, firstWarmUpId + warmUp.size() * WARM_UP_RECORDS,
                        transport, bare);
                double cpuMs = (processCpuNanos() - cpuBefore) / 1e6 / calls;
                // measured before the pool ends: a thread that has ended no longer tells its CPU
                return new Ceiling(calls / seconds, cpuMs, cpuMsByThreads(threadsBefore, jvmBefore, cpuMs, calls), warmUp);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The ceiling's rate, its CPU per declaration, that CPU by threads, and its warm-up rounds (each one's
     * rate, JIT share and JIT queue).
     */
    private record Ceiling(double perSecond, double cpuMs, Map<String, Double> cpuMsByThreads,
                           List<Map<String, Object>> warmUp) {
    }

    /** {@code calls} bare declarations numbered from {@code first}, CONCURRENCY at a time; seconds taken. */
    private static double onThreads(ExecutorService pool, int calls, int first, BareDeclarations.Transport transport,
                                    BareDeclarations bare) throws Exception {
        AtomicInteger next = new AtomicInteger(first);
        long start = System.nanoTime();
        List<Future<Object>> workers = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < first + calls; i = next.getAndIncrement()) {
                    bare.declare(i, transport);
                }
                return null;
            }));
        }
        for (Future<Object> worker : workers) {
            worker.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One Alipay+ declaration as an SDK user makes it: sign the JSON, POST it, verify the answer's signature. */
    private static final class BareDeclarations {

        record Answer(String responseTime, String signatureHeader, String body) {
        }

        interface Transport {
            Answer post(String uri, Map<String, String> headers, String body) throws Exception;
        }

        private static final String CLIENT_ID = "SANDBOX_5Y00000000001";
        private final PrivateKey merchant;
        private final PublicKey alipay;
        private final DeclareRequestMapper mapper = new DeclareRequestMapper(JSON);
        private final String uri;

        BareDeclarations(Path gatewayRoot, int port) throws IOException {
            DemoKeys keys = DemoKeys.in(gatewayRoot.resolve("keys"));
            this.merchant = PemKeys.privateKey(keys.privateKey(DemoKeys.MERCHANT));
            this.alipay = PemKeys.publicKey(keys.publicKey(DemoKeys.ALIPAY));
            this.uri = "http://127.0.0.1:" + port + AlipayPlusApi.DECLARE_PATH;
        }

        void declare(int i, Transport transport) throws Exception {
            String body = mapper.toJson(sample(i));
            String time = OffsetDateTime.now(ZoneOffset.UTC).toString();
            String signature = AlipayPlusSignature.sign("POST", AlipayPlusApi.DECLARE_PATH, CLIENT_ID, time, body,
                    merchant);
            Answer answer = transport.post(uri, Map.of("Content-Type", AlipayPlusApi.CONTENT_TYPE_JSON,
                    AlipayPlusApi.CLIENT_ID, CLIENT_ID, AlipayPlusApi.REQUEST_TIME, time,
                    AlipayPlusApi.SIGNATURE, new SignatureHeader(SignatureHeader.RSA256, "1", signature).format()),
                    body);
            if (!AlipayPlusSignature.verify("POST", AlipayPlusApi.DECLARE_PATH, CLIENT_ID, answer.responseTime(),
                    answer.body(), SignatureHeader.parse(answer.signatureHeader()).orElseThrow().signature(), alipay)) {
                throw new IllegalStateException("answer signature does not verify: " + answer.body());
            }
        }
    }

    private Map<String, Object> trackingCallsPer1000() throws Exception {
        Path trackingRoot = Files.createDirectories(root.resolve("tracking"));
        // polls at start (nothing open yet) and 20 s later, when the 1,000 are open
        try (Bundle bundle = Bundle.start(trackingRoot, Map.of("customs.tracking.poll-interval", "20s",
                "customs.simulator.customs-delay", "1h", "customs.intake.concurrency", "100"))) {
            Inbox inbox = Inbox.under(trackingRoot);
            Path file = trackingRoot.resolve("open.csv");
            writeOrders(file, 1000, "alipay-plus");
            Files.createDirectories(inbox.inbox());
            Files.move(file, inbox.inbox().resolve("open.csv"));
            inbox.awaitResultsWithin("open.csv", Duration.ofMinutes(10));
            int before = bundle.journal().entries("alipay-plus.inquire").size();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> bundle.journal().entries("alipay-plus.inquire").size() >= before + 100);
            Thread.sleep(3000);
            int calls = bundle.journal().entries("alipay-plus.inquire").size() - before;
            return Map.of("open", 1000, "queryCallsPerPoll", calls);
        }
    }

    /**
     * The packaged jar at -Xmx256m on a CSV of each of MEMORY_RECORDS' sizes (MAPI MD5, no latency), a
     * fresh jar, ledger and gateway for each; then the largest size against the smallest: heap after
     * old-generation collections and time per record, each within 10 % for "flat in the file size".
     */
    private Map<String, Object> memory() throws Exception {
        Path jar = Path.of("target/customs-bridge.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            return Map.of("skipped", "target/customs-bridge.jar missing: run mvn package first");
        }
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("xmx", "256m");
        memory.put("jvmOptions", String.join(" ", GC));
        memory.put("gatewayRemembers", MEMORY_GATEWAY_REMEMBERS);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int records : MEMORY_RECORDS) {
            Map<String, Object> run = memoryRun(jar, records);
            System.out.println("memory, " + records + " records: " + run);
            runs.add(run);
        }
        memory.put("runs", runs);
        Map<String, Object> smallest = runs.get(0);
        Map<String, Object> largest = runs.get(runs.size() - 1);
        if (runs.size() > 1 && Boolean.TRUE.equals(smallest.get("completed"))
                && Boolean.TRUE.equals(largest.get("completed"))
                && ((Number) smallest.get("peakHeapAfterOldGcMb")).longValue() > 0) {
            double heap = ((Number) largest.get("peakHeapAfterOldGcMb")).doubleValue()
                    / ((Number) smallest.get("peakHeapAfterOldGcMb")).doubleValue();
            // from the unrounded seconds: a ratio of two-decimal milliseconds would be off by a few percent
            double time = ((double) largest.get("seconds") / (int) largest.get("records"))
                    / ((double) smallest.get("seconds") / (int) smallest.get("records"));
            memory.put("heapAfterOldGcLargestOverSmallest", round(heap));
            memory.put("heapWithin10Percent", Math.abs(heap - 1) <= FLAT);
            memory.put("msPerRecordLargestOverSmallest", round(time));
            memory.put("timeWithin10Percent", Math.abs(time - 1) <= FLAT);
        }
        return memory;
    }

    /** One size of the memory part: its own jar, ledger and simulated gateway. */
    private Map<String, Object> memoryRun(Path jar, int records) throws Exception {
        Path memoryRoot = Files.createDirectories(root.resolve("memory-" + records));
        Path inbox = Files.createDirectories(memoryRoot.resolve("inbox"));
        Path file = memoryRoot.resolve("big.csv");
        writeOrders(file, records, "mapi");
        Path gcLog = memoryRoot.resolve("gc.log");
        try (Bundle gateway = Bundle.start(Files.createDirectories(memoryRoot.resolve("gateway")),
                Map.of("customs.tracking.poll-interval", "1d", "logging.level.org.customsbridge", "WARN",
                        "customs.simulator.remember", Integer.toString(MEMORY_GATEWAY_REMEMBERS)))) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-Xlog:gc:file=" + gcLog));
            command.addAll(GC);
            command.addAll(List.of("-jar", jar.toString(), "--server.port=0",
                    "--customs.simulator.enabled=false", "--customs.gateway=mapi",
                    "--customs.ledger.encryption-key=" + LedgerKeys.generate(),
                    "--customs.mapi.endpoint=http://127.0.0.1:" + gateway.port() + "/gateway.do",
                    "--customs.mapi.partner=2088101568338364", "--customs.mapi.sign-type=MD5",
                    "--customs.mapi.md5-key=demokeyfordocsonly0123456789abcd", "--customs.inbox=" + inbox,
                    "--customs.outbox=" + memoryRoot.resolve("outbox"),
                    "--spring.datasource.url=jdbc:h2:file:" + memoryRoot.resolve("ledger") + ";QUERY_CACHE_SIZE=64",
                    "--spring.artemis.embedded.data-directory=" + memoryRoot.resolve("artemis"),
                    "--customs.intake.concurrency=100", "--customs.tracking.poll-interval=1d",
                    "--logging.level.org.customsbridge=WARN"));
            Process app = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(memoryRoot.resolve("app.log").toFile()).start();
            try {
                Thread.sleep(15_000);
                long start = System.nanoTime();
                Files.move(file, inbox.resolve("big.csv"));
                Path results = memoryRoot.resolve("outbox/big.csv.results.csv");
                // the rows so far, every five minutes: what a run stopped before its end had reached
                Path part = memoryRoot.resolve("outbox/.big.csv.results.csv.part");
                long nextProgress = start + TimeUnit.MINUTES.toNanos(5);
                while (!Files.exists(results) && app.isAlive()) {
                    Thread.sleep(1000);
                    if (System.nanoTime() > nextProgress) {
                        nextProgress += TimeUnit.MINUTES.toNanos(5);
                        System.out.printf("memory, %d records: %d rows after %.0f s%n", records, rowsOf(part),
                                (System.nanoTime() - start) / 1e9);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long rows = rowsOf(results);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("records", records);
                run.put("completed", rows == records);
                run.put("seconds", round(seconds));
                run.put("msPerRecord", Math.round(1e6 * seconds / records) / 1000.0);
                run.put("peakHeapAfterOldGcMb", peakHeapAfterGc(gcLog, "\\(Mixed\\)|Pause Full"));
                run.put("peakHeapAfterGcMb", peakHeapAfterGc(gcLog, ""));
                return run;
            } finally {
                app.destroy();
                app.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The rows of a results file (or of its part while written), header left out. */
    private static long rowsOf(Path results) throws IOException {
        if (!Files.exists(results)) {
            return 0;
        }
        try (var lines = Files.lines(results)) {
            return Math.max(0, lines.count() - 1);
        }
    }

    /**
     * The largest heap size left after a collection, from the unified GC log ("...M->123M(256M)"), of
     * the collections whose log line matches {@code kinds} (all when empty). After a young collection
     * the old generation's garbage is still counted; after a mixed or full one it is the live set.
     */
    private static long peakHeapAfterGc(Path gcLog, String kinds) throws IOException {
        long peak = 0;
        var after = java.util.regex.Pattern.compile("->(\\d+)M\\(");
        var kind = java.util.regex.Pattern.compile(kinds);
        for (String line : Files.readAllLines(gcLog)) {
            if (!kind.matcher(line).find()) {
                continue;
            }
            var m = after.matcher(line);
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }

    private static void writeOrders(Path file, int records, String gateway) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("declarationRequestId,paymentId,customsCode,merchantCustomsCode,merchantCustomsName,amount,gateway\n");
            String prefix = "B" + Long.toString(System.nanoTime(), 36).toUpperCase();
            for (int i = 1; i <= records; i++) {
                out.write(prefix + "-" + i + ",PAY-" + prefix + "-" + i + ",ZONGSHU,hanguo,jwyhanguo_card,"
                        + (i % 1000 + 1) + ".00," + gateway + "\n");
            }
        }
    }

    private static Declaration sample(int i) {
        return new Declaration("BENCH-%06d".formatted(i), "PAY-BENCH-" + i, "ZONGSHU", "hanguo", "jwyhanguo_card",
                new java.math.BigDecimal("123.45"), false, null, null, null, "alipay-plus");
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The share of the machine's cores a run kept busy: its CPU per declaration times its rate. */
    private static double coresBusy(double cpuMsPerDeclaration, double perSecond) {
        return cpuMsPerDeclaration * perSecond / 1000 / CORES;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> figures) throws IOException {
        System.out.println();
        System.out.println("| figure | alipay-plus | mapi (MD5) |");
        System.out.println("|---|---|---|");
        Map<String, Object> plus = (Map<String, Object>) figures.getOrDefault("alipay-plus", Map.of());
        Map<String, Object> mapi = (Map<String, Object>) figures.getOrDefault("mapi", Map.of());
        for (String key : List.of("limitPerSecond", "endToEndColdPerSecond", "endToEndPerSecond",
                "endToEndShareOfLimit", "baselinePerSecond", "endToEndOverBaseline", "cpuMsPerDeclaration",
                "endToEndCoresBusyShare", "ceilingCoresBusyShare",
                "cryptoMsPerDeclaration", "ceilingPerSecond", "ceilingShareOfLimit", "endToEndShareOfCeiling",
                "ceilingCpuMsPerDeclaration", "bundleCpuMsPerDeclaration", "ceilingCallersCpuMsPerDeclaration",
                "bundleCpuOverCeilingCallers", "endToEndShareOfCeilingInSimulatorUnits",
                "bundleCpuOverCeilingCallersInSimulatorUnits")) {
            System.out.printf("| %s | %s | %s |%n", key, plus.getOrDefault(key, "-"), mapi.getOrDefault(key, "-"));
        }
        for (String gateway : List.of("alipay-plus", "mapi")) {
            Map<String, Object> row = (Map<String, Object>) figures.getOrDefault(gateway, Map.of());
            if (row.containsKey("warmUp")) {
                System.out.println(gateway + " warm-up, files of " + row.get("warmUpRecordsPerFile") + " records: "
                        + row.get("warmUp") + (row.containsKey("ceilingWarmUp")
                        ? "; ceiling warm-up rounds of " + WARM_UP_RECORDS + " calls: " + row.get("ceilingWarmUp") : ""));
            }
            if (row.containsKey("cpuMsPerDeclarationByThreads")) {
                System.out.println(gateway + " CPU ms per declaration by threads: "
                        + row.get("cpuMsPerDeclarationByThreads"));
            }
            if (row.containsKey("cpuMsPerDeclarationBySteps")) {
                System.out.println(gateway + " CPU ms per declaration by route steps (their own threads):");
                ((Map<String, Double>) row.get("cpuMsPerDeclarationBySteps"))
                        .forEach((step, ms) -> System.out.printf("  %6.3f  %s%n", ms, step));
            }
            if (row.containsKey("ceilingCpuMsPerDeclarationByThreads")) {
                System.out.println(gateway + " ceiling, CPU ms per declaration by threads: "
                        + row.get("ceilingCpuMsPerDeclarationByThreads"));
            }
        }
        System.out.println("tracking: " + figures.get("trackingCallsPer1000Open"));
        System.out.println("memory:   " + figures.get("memory"));
        Path results = Files.createDirectories(Path.of("bench/results"));
        Path out = results.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        System.out.println("written: " + out + " (JVM " + ManagementFactory.getRuntimeMXBean().getVmName() + ")");
    }
}
