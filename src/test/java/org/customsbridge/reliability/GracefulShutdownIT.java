package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGTERM in the middle of a file, with calls to a slow gateway in flight: the real jar takes no
 * further record, lets the calls under way finish and records their answers, exits, and leaves the
 * file in the inbox. Started again, it declares the rest and sends no id a second time that the
 * gateway had already answered.
 */
class GracefulShutdownIT {

    private static final int RECORDS = 60;

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path bundleRoot;

    @Test
    void sigtermLetsCallsInFlightFinishAndLeavesTheRestForTheNextStart() throws Exception {
        try (Bundle gateway = Bundle.start(gatewayRoot, Map.of("customs.simulator.latency", "2s",
                "customs.tracking.poll-interval", "1d"))) {
            Inbox inbox = Inbox.under(bundleRoot);
            inbox.drop("orders.csv", orders());

            // closing stops a bundle the test did not get to stop (a failure on the way)
            try (BundleProcess bundle = startBundle(gateway.port(), 1)) {
                bundle.awaitLog("orders.csv: " + RECORDS + " records, declaring");
                Thread.sleep(1000);
                assertThat(bundle.stop(Duration.ofSeconds(60))).as("exited within the shutdown timeout").isTrue();

                assertThat(bundle.log()).contains("orders.csv: the bundle is stopping");
            }
            assertThat(inbox.inbox().resolve("orders.csv")).as("left in the inbox for the next start").exists();
            assertThat(inbox.results("orders.csv")).doesNotExist();
            Set<String> answered = gateway.journal().entries("alipay-plus.declare").stream()
                    .map(SimulatorJournal.Entry::id).collect(Collectors.toSet());
            assertThat(answered).as("calls were in flight, and not the whole file was declared")
                    .isNotEmpty().hasSizeLessThan(RECORDS);
            JdbcTemplate ledger = BundleProcess.ledger(TestDatabase.ledger(bundleRoot));
            List<String> declaring = ledger.queryForList(
                    "select declaration_request_id from declaration where status = 'DECLARING'", String.class);
            assertThat(declaring).as("every answer to a call in flight is recorded").doesNotContainAnyElementsOf(answered);

            List<CSVRecord> rows;
            try (BundleProcess restarted = startBundle(gateway.port(), 2)) {
                rows = inbox.awaitResultsWithin("orders.csv", Duration.ofSeconds(90));
                inbox.awaitMoved(inbox.done("orders.csv"));
                restarted.stop(Duration.ofSeconds(60));
            }

            assertThat(rows).hasSize(RECORDS);
            // tracking polls at every start, so customs may already have answered some
            assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).as(r.toString())
                    .isIn("ACCEPTED", "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED"));
            Map<String, List<String>> requestsById = gateway.journal().entries("alipay-plus.declare").stream()
                    .collect(Collectors.groupingBy(SimulatorJournal.Entry::id,
                            Collectors.mapping(SimulatorJournal.Entry::request, Collectors.toList())));
            assertThat(requestsById).hasSize(RECORDS);
            assertThat(answered).as("answered before SIGTERM, never declared again")
                    .allSatisfy(id -> assertThat(requestsById.get(id)).hasSize(1));
            assertThat(requestsById.values()).as("any resend identical")
                    .allSatisfy(requests -> assertThat(Set.copyOf(requests)).hasSize(1));
            assertThat(ledger.queryForObject("select count(*) from declaration where status in "
                    + "('ACCEPTED', 'CUSTOMS_PENDING', 'CUSTOMS_ACCEPTED')", Integer.class)).isEqualTo(RECORDS);
        }
    }

    private static String orders() {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = 1; i <= RECORDS; i++) {
            csv.append("STOP-%06d,PAY-STOP-%06d,ZONGSHU,%d.00\n".formatted(i, i, i));
        }
        return csv.toString();
    }

    private BundleProcess startBundle(int gatewayPort, int run) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, bundleRoot);
        properties.put("customs.intake.concurrency", "10");
        properties.put("customs.tracking.poll-interval", "1d");
        properties.putAll(TestDatabase.ledger(bundleRoot));
        return BundleProcess.start(bundleRoot, "bundle-" + run, properties);
    }
}
