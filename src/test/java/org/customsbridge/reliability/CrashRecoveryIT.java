package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.simulator.SimulatedDeclarations;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

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
                // closing stops a bundle the test did not get to kill (a failure on the way)
                try (BundleProcess bundle = startBundle(gateway.port(), kill)) {
                    bundle.awaitLog("orders.csv: " + RECORDS + " records, declaring");
                    Thread.sleep(300 + random.nextInt(2500));
                    bundle.kill();
                }
                assertThat(inbox.inbox().resolve("orders.csv")).as("not moved before every record is settled")
                        .exists();
            }
            List<CSVRecord> rows;
            try (BundleProcess last = startBundle(gateway.port(), KILLS + 1)) {
                // generous: the restart itself takes a while on a loaded machine; but a bundle that died,
                // or a file sent to .error/, fails at once and says why
                try {
                    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                            .until(() -> Files.exists(inbox.results("orders.csv")) || !last.isAlive()
                                    || Files.exists(inbox.error("orders.csv")));
                } catch (ConditionTimeoutException stalled) {
                    // the assertion below says why
                }
                assertThat(inbox.results("orders.csv")).as(() -> whyNoResults(inbox, last)).exists();
                rows = inbox.awaitResults("orders.csv");
                inbox.awaitMoved(inbox.done("orders.csv"));
                last.stop(Duration.ofSeconds(60));
            }

            assertThat(rows).hasSize(RECORDS);
            assertThat(rows.stream().map(r -> r.get("record")).collect(Collectors.toSet())).hasSize(RECORDS);
            assertThat(rows).filteredOn(r -> r.get("declarationRequestId").startsWith("CRASH-B"))
                    .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("INVALID"));
            // accepted by Alipay; tracking (it polls at every start) may already have customs' answer
            assertThat(rows).filteredOn(r -> r.get("declarationRequestId").startsWith("CRASH-A"))
                    .allSatisfy(r -> assertThat(r.get("status")).as(r.toString())
                            .isIn("ACCEPTED", "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED"));

            JdbcTemplate ledger = BundleProcess.ledger(TestDatabase.ledger(bundleRoot));
            assertThat(ledger.queryForObject("select count(*) from declaration", Integer.class)).isEqualTo(RECORDS);
            assertThat(ledger.queryForObject("select count(*) from declaration where status in "
                    + "('ACCEPTED', 'CUSTOMS_PENDING', 'CUSTOMS_ACCEPTED')", Integer.class))
                    .as(() -> "valid records not accepted in the ledger, with their history: " + ledger.queryForList("""
                            select d.declaration_request_id, d.status, d.attempts, d.claimed_by, h.from_status,
                                   h.to_status, h.result_code, h.message, h.at
                            from declaration d left join declaration_history h
                              on h.declaration_request_id = d.declaration_request_id
                            where d.declaration_request_id like 'CRASH-A%' and d.status not in
                              ('ACCEPTED', 'CUSTOMS_PENDING', 'CUSTOMS_ACCEPTED')
                            order by d.declaration_request_id, h.id"""))
                    .isEqualTo(valid());

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

    private String whyNoResults(Inbox inbox, BundleProcess last) {
        StringBuilder why = new StringBuilder("no results file; the last bundle is ")
                .append(last.isAlive() ? "running" : "dead");
        Path reason = inbox.error("orders.csv.reason.txt");
        try {
            if (Files.exists(reason)) {
                why.append("; .error/: ").append(Files.readString(reason));
            }
            for (int run = 1; run <= KILLS; run++) {
                List<String> lines = Files.readAllLines(bundleRoot.resolve("bundle-" + run + ".log"));
                why.append("\n--- the end of bundle-").append(run).append(".log:\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        } catch (IOException e) {
            why.append("; (").append(e).append(")");
        }
        return why.append("\n--- bundle-").append(KILLS + 1).append(".log:\n").append(last.log()).toString();
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

    private BundleProcess startBundle(int gatewayPort, int run) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, bundleRoot);
        properties.put("customs.tracking.poll-interval", "1d");
        properties.putAll(TestDatabase.ledger(bundleRoot));
        return BundleProcess.start(bundleRoot, "bundle-" + run, properties);
    }
}
