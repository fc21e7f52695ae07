package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.flow.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The soak run (docs/testing.md): the real jar on PostgreSQL fed a steady 50 records a second (a
 * 50-record file every second) for {@code soak.minutes} (20 by default) against a gateway answering
 * after 150 ms with 5 % faults (2 % "unknown", 2 % HTTP 500, 1 % malformed answers, all resent).
 * At the start, the middle and the end it measures the heap after a full collection, the live
 * threads, the open file descriptors and the database connections; it prints them and writes them
 * as JSON under {@code target/soak/}. It checks that every record has its results row and that the
 * counts do not grow without bound (threads and open files between middle and end, once the pools
 * are full; connections against the start); it asserts nothing about time. Runs only with
 * {@code mvn verify -Psoak}.
 */
class SoakRun {

    private static final int RECORDS_PER_FILE = 50;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path bundleRoot;

    @Test
    void aSteadyLoadForTwentyMinutesLeavesHeapThreadsFilesAndConnectionsFlat() throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("soak.minutes", 20));
        String application = "cb-soak-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> datasource = new LinkedHashMap<>(TestDatabase.ledger(bundleRoot));
        assertThat(datasource.get("spring.datasource.url")).as("runs on PostgreSQL (Maven profile soak)")
                .startsWith("jdbc:postgresql:");
        datasource.put("spring.datasource.url", datasource.get("spring.datasource.url") + "&ApplicationName="
                + application);
        try (Bundle gateway = Bundle.start(gatewayRoot, Map.of("customs.simulator.latency", "150ms",
                "customs.simulator.faults.u", "0.02", "customs.simulator.faults.http500", "0.02",
                "customs.simulator.faults.malformed", "0.01", "customs.tracking.poll-interval", "1d",
                "spring.datasource.url", "jdbc:h2:file:" + gatewayRoot.resolve("ledger").toAbsolutePath(),
                "spring.datasource.username", "sa", "spring.datasource.password", ""))) {
            Map<String, String> properties = BundleProcess.against(gateway.port(), gatewayRoot, bundleRoot);
            properties.putAll(datasource);
            properties.putAll(TestLogins.properties());
            properties.put("customs.tracking.poll-interval", "30s");
            try (BundleProcess bundle = BundleProcess.start("512m", properties, Map.of(),
                    bundleRoot.resolve("bundle.log"))) {
                Inbox inbox = Inbox.under(bundleRoot);
                JdbcTemplate ledger = BundleProcess.ledger(TestDatabase.ledger(bundleRoot));
                List<Map<String, Object>> samples = new ArrayList<>();
                Instant start = Instant.now();
                Instant middle = start.plus(length.dividedBy(2));
                Instant end = start.plus(length);
                int files = 0;
                samples.add(sample("start", bundle, ledger, application, 0));
                boolean middleTaken = false;
                while (Instant.now().isBefore(end)) {
                    files++;
                    inbox.drop("soak-%05d.csv".formatted(files), orders(files));
                    if (!middleTaken && Instant.now().isAfter(middle)) {
                        samples.add(sample("middle", bundle, ledger, application, files * RECORDS_PER_FILE));
                        middleTaken = true;
                    }
                    Instant next = start.plusSeconds(files);
                    long wait = Duration.between(Instant.now(), next).toMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
                int fed = files;
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> done(inbox) == fed || !bundle.isAlive());
                samples.add(sample("end", bundle, ledger, application, fed * RECORDS_PER_FILE));

                for (int file = 1; file <= fed; file++) {
                    List<CSVRecord> rows = inbox.awaitResults("soak-%05d.csv".formatted(file));
                    assertThat(rows).as("soak-%05d.csv", file).hasSize(RECORDS_PER_FILE);
                    assertThat(rows.stream().map(r -> r.get("record")).distinct()).hasSize(RECORDS_PER_FILE);
                }
                assertThat(ledger.queryForObject("select count(*) from declaration", Integer.class))
                        .isEqualTo(fed * RECORDS_PER_FILE);
                report(samples, length, fed * RECORDS_PER_FILE);
                // the start is measured before the first file, its pools (declare workers, gateway
                // connections) still empty: threads and files are compared between middle and end
                Map<String, Object> first = samples.get(0);
                Map<String, Object> half = samples.get(1);
                Map<String, Object> last = samples.get(samples.size() - 1);
                assertThat((long) last.get("threads")).as("live threads").isLessThanOrEqualTo(
                        (long) half.get("threads") + 20);
                assertThat((long) last.get("openFiles")).as("open file descriptors").isLessThanOrEqualTo(
                        (long) half.get("openFiles") + 50);
                // Hikari keeps its pool full from the start (spring.datasource.hikari.maximum-pool-size)
                assertThat((long) last.get("databaseConnections")).as("database connections")
                        .isLessThanOrEqualTo((long) first.get("databaseConnections") + 5);
            }
        }
    }

    private static long done(Inbox inbox) throws IOException {
        Path done = inbox.inbox().resolve(".done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        }
    }

    private static String orders(int file) {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = 1; i <= RECORDS_PER_FILE; i++) {
            csv.append("SOAK%05d%03d,PAY-SOAK-%05d-%03d,ZONGSHU,%d.00\n".formatted(file, i, file, i, i * 7 % 500 + 1));
        }
        return csv.toString();
    }

    /** One measurement: heap after a full collection, live threads, open files, database connections. */
    private static Map<String, Object> sample(String when, BundleProcess bundle, JdbcTemplate ledger,
                                              String application, int recordsFed) throws Exception {
        long pid = bundle.pid();
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("when", when);
        sample.put("at", Instant.now().toString());
        sample.put("recordsFed", recordsFed);
        sample.put("heapAfterGcMb", used.find() ? Long.parseLong(used.group(1)) / 1024 : -1);
        sample.put("threads", Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("Threads:")).map(line -> Long.parseLong(line.substring(8).trim()))
                .findFirst().orElse(-1L));
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            sample.put("openFiles", fds.count());
        }
        sample.put("databaseConnections", ledger.queryForObject(
                "select count(*) from pg_stat_activity where application_name = ?", Long.class, application));
        System.out.println("soak " + sample);
        return sample;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static void report(List<Map<String, Object>> samples, Duration length, int records) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("minutes", length.toMinutes());
        report.put("records", records);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("samples", samples);
        Path folder = Files.createDirectories(Path.of("target/soak"));
        Path file = folder.resolve("soak-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report));
        System.out.println("soak figures written to " + file.toAbsolutePath());
    }
}
