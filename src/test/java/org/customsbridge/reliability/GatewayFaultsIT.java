package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that misbehaves at random, all at once: 30 % U, 10 % timeouts, 5 % HTTP 500, some
 * malformed bodies and some answers with bad signatures. 5,000 records end each in a status of
 * the bundle's with its reason, none lost, none sent with two different parameter sets.
 */
class GatewayFaultsIT {

    private static final int RECORDS = 5000;
    private static final Set<String> STATUSES = Set.of("INVALID", "ACCEPTED", "DECLARE_FAILED", "UNKNOWN",
            "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED", "CUSTOMS_REJECTED");

    @TempDir
    Path root;

    @Test
    void everyRecordEndsInAnExplainedStatusWithIdenticalResends() {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("customs.simulator.faults.u", "0.30"),
                Map.entry("customs.simulator.faults.timeout", "0.10"),
                Map.entry("customs.simulator.faults.http500", "0.05"),
                Map.entry("customs.simulator.faults.malformed", "0.02"),
                Map.entry("customs.simulator.faults.bad-signature", "0.02"),
                Map.entry("customs.simulator.timeout-delay", "1200ms"),
                Map.entry("customs.http.timeout", "1s"),
                Map.entry("customs.retry.delay", "100ms"),
                Map.entry("customs.intake.concurrency", "100"),
                Map.entry("customs.tracking.poll-interval", "1d"));
        Inbox inbox = Inbox.under(root);
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = 1; i <= RECORDS; i++) {
            csv.append("FAULT-%06d,PAY-FAULT-%06d,ZONGSHU,%d.%02d\n".formatted(i, i, i % 900 + 1, i % 100));
        }
        try (Bundle bundle = Bundle.start(root, properties)) {
            inbox.drop("orders.csv", csv.toString());
            var rows = inbox.awaitResultsWithin("orders.csv", java.time.Duration.ofMinutes(10));

            assertThat(rows).hasSize(RECORDS);
            assertThat(rows.stream().map(r -> r.get("declarationRequestId")).collect(Collectors.toSet()))
                    .hasSize(RECORDS);
            assertThat(rows).allSatisfy(r -> {
                assertThat(STATUSES).contains(r.get("status"));
                assertThat(r.get("code")).as("explained: " + r).isNotEmpty();
                assertThat(r.get("message")).as("explained: " + r).isNotEmpty();
            });
            // nearly half the calls fail, so some records stay UNKNOWN after 5 attempts; each says why
            assertThat(rows).filteredOn(r -> r.get("status").equals("UNKNOWN")).allSatisfy(r -> assertThat(
                    Set.of("UNKNOWN_EXCEPTION", "NO_ANSWER", "HTTP_500", "UNTRUSTED_ANSWER", "UNREADABLE_ANSWER"))
                    .contains(r.get("code")));
            assertThat(rows).filteredOn(r -> r.get("status").equals("ACCEPTED")).isNotEmpty();

            Map<String, Set<String>> requestsById = bundle.journal().entries("alipay-plus.declare").stream()
                    .collect(Collectors.groupingBy(SimulatorJournal.Entry::id,
                            Collectors.mapping(SimulatorJournal.Entry::request, Collectors.toSet())));
            assertThat(requestsById).hasSize(RECORDS);
            assertThat(requestsById.values()).allSatisfy(r -> assertThat(r).hasSize(1));
            assertThat(bundle.jdbc().queryForObject("select count(*) from declaration", Integer.class))
                    .isEqualTo(RECORDS);
            for (CSVRecord row : rows) {
                if (row.get("status").equals("ACCEPTED")) {
                    assertThat(row.get("alipayDeclarationId")).isNotEmpty();
                }
            }
        }
    }
}
