package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.simulator.SimulatedDeclarations;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash safety: the real jar, started as a child process, is killed with SIGKILL at random moments
 * while it declares a 2,000-record file, and started again, several times. The simulated Alipay runs
 * in this test's JVM, so it outlives every crash and sees every call. Afterwards every record has
 * exactly one results row and one ledger row, every valid record is declared once in effect, and
 * every resend carried identical parameters.
 */
class CrashRecoveryIT {

    private static final int RECORDS = 2000;
    private static final int KILLS = 3;

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path bundleRoot;

    @Test
    void killedMidFileAndRestartedItDeclaresEveryRecordOnceInEffect() throws Exception {
        Random random = new Random();
        try (Bundle gateway = Bundle.start(gatewayRoot, Map.of("customs.simulator.latency", "20ms",
                "customs.tracking.poll-interval", "1d"))) {
            Inbox inbox = Inbox.under(bundleRoot);
            inbox.drop("orders.csv", orders());

            for (int kill = 1; kill <= KILLS; kill++) {
                Process bundle = startBundle(gateway.port(), kill);
                awaitLog(kill, "orders.csv: " + RECORDS + " records, declaring");
                Thread.sleep(300 + random.nextInt(2500));
                bundle.destroyForcibly().waitFor();
                assertThat(inbox.inbox().resolve("orders.csv")).as("not moved before every record is settled")
                        .exists();
            }
            Process last = startBundle(gateway.port(), KILLS + 1);
            List<CSVRecord> rows;
            try {
                // generous: the restart itself takes a while on a loaded machine
                rows = inbox.awaitResultsWithin("orders.csv", Duration.ofMinutes(4));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.err.println(Files.readString(bundleRoot.resolve("bundle-" + (KILLS + 1) + ".log")));
                throw e;
            }
            inbox.awaitMoved(inbox.done("orders.csv"));
            last.destroy();
            last.waitFor();

            assertThat(rows).hasSize(RECORDS);
            assertThat(rows.stream().map(r -> r.get("record")).collect(Collectors.toSet())).hasSize(RECORDS);
            assertThat(rows).filteredOn(r -> r.get("declarationRequestId").startsWith("CRASH-B"))
                    .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("INVALID"));
            // accepted by Alipay; tracking (it polls at every start) may already have customs' answer
            assertThat(rows).filteredOn(r -> r.get("declarationRequestId").startsWith("CRASH-A"))
                    .allSatisfy(r -> assertThat(r.get("status")).as(r.toString())
                            .isIn("ACCEPTED", "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED"));

            JdbcTemplate ledger = ledger();
            assertThat(ledger.queryForObject("select count(*) from declaration", Integer.class)).isEqualTo(RECORDS);
            assertThat(ledger.queryForObject("select count(*) from declaration where status in "
                    + "('ACCEPTED', 'CUSTOMS_PENDING', 'CUSTOMS_ACCEPTED')", Integer.class)).isEqualTo(valid());

            SimulatorJournal journal = gateway.journal();
            Map<String, Set<String>> requestsById = journal.entries("alipay-plus.declare").stream()
                    .collect(Collectors.groupingBy(SimulatorJournal.Entry::id,
                            Collectors.mapping(SimulatorJournal.Entry::request, Collectors.toSet())));
            assertThat(requestsById).hasSize(valid());
            assertThat(requestsById.values()).as("every resend identical").allSatisfy(r -> assertThat(r).hasSize(1));
            SimulatedDeclarations declared = gateway.bean(SimulatedDeclarations.class);
            Set<String> accepted = new HashSet<>();
            for (String id : requestsById.keySet()) {
                declared.find(id).ifPresent(d -> accepted.add(d.requestId()));
            }
            assertThat(accepted).as("declared once in effect at the gateway").hasSize(valid());
        }
    }

    private static int valid() {
        return RECORDS - RECORDS / 100;
    }

    /** 2,000 records, one in a hundred invalid (an amount with three decimals). */
    private static String orders() {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = 1; i <= RECORDS; i++) {
            boolean invalid = i % 100 == 0;
            csv.append(invalid ? "CRASH-B" : "CRASH-A").append("%06d,PAY-CRASH-%06d,ZONGSHU,%s\n"
                    .formatted(i, i, invalid ? "1.001" : (i % 500 + 1) + ".00"));
        }
        return csv.toString();
    }

    private Process startBundle(int gatewayPort, int run) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", Path.of("target/customs-bridge.jar").toAbsolutePath().toString()));
        Map<String, String> properties = new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("customs.simulator.enabled", "false"),
                Map.entry("customs.alipay-plus.endpoint", "http://127.0.0.1:" + gatewayPort),
                Map.entry("customs.alipay-plus.client-id", "SANDBOX_5Y00000000001"),
                Map.entry("customs.alipay-plus.private-key", "file:" + gatewayRoot.resolve("keys/merchant-private.pem")),
                Map.entry("customs.alipay-plus.alipay-public-key", "file:" + gatewayRoot.resolve("keys/alipay-public.pem")),
                Map.entry("customs.inbox", bundleRoot.resolve("inbox").toString()),
                Map.entry("customs.outbox", bundleRoot.resolve("outbox").toString()),
                Map.entry("customs.merchant.customs-code", "hanguo"),
                Map.entry("customs.merchant.customs-name", "jwyhanguo_card"),
                Map.entry("customs.intake.file.poll-delay-ms", "100"),
                Map.entry("customs.intake.file.stable-for-ms", "200"),
                Map.entry("customs.tracking.poll-interval", "1d"),
                Map.entry("customs.retry.delay", "200ms"),
                Map.entry("customs.node.heartbeat-interval", "500ms"),
                Map.entry("spring.artemis.embedded.data-directory", bundleRoot.resolve("artemis").toString())));
        properties.putAll(TestDatabase.ledger(bundleRoot));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(bundleRoot.resolve("bundle-" + run + ".log").toFile()).start();
    }

    private void awaitLog(int run, String text) {
        Path log = bundleRoot.resolve("bundle-" + run + ".log");
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(log)
                && Files.readString(log, StandardCharsets.UTF_8).contains(text));
    }

    private JdbcTemplate ledger() {
        Map<String, String> properties = TestDatabase.ledger(bundleRoot);
        return new JdbcTemplate(new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.getOrDefault("spring.datasource.username", "sa"),
                properties.getOrDefault("spring.datasource.password", "")));
    }
}
