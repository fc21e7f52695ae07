package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.simulator.SimulatedDeclarations;
import org.customsbridge.simulator.SimulatorJournal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every fault must leave behind, checked against the results file, the ledger and the simulated
 * gateway's journal: one results row per record, every valid record accepted (in the results and in
 * the ledger), declared once in effect at the gateway, and every resend with identical parameters.
 */
final class DeclaredOnce {

    static final String ACCEPTED = "('ACCEPTED', 'CUSTOMS_PENDING', 'CUSTOMS_ACCEPTED')";

    private DeclaredOnce() {
    }

    /** Results rows of one input: one per record, each valid ({@code idPrefix}…) accepted. */
    static void assertResults(List<CSVRecord> rows, int records, String idPrefix) {
        assertThat(rows).hasSize(records);
        assertThat(rows.stream().map(r -> r.get("record")).collect(Collectors.toSet())).hasSize(records);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("declarationRequestId")).startsWith(idPrefix));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).as(r.toString())
                .isIn("ACCEPTED", "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED"));
    }

    /** The ledger and the gateway agree that exactly {@code valid} declarations were accepted, each once. */
    static void assertLedgerAndGateway(JdbcTemplate ledger, Bundle gateway, int valid) {
        assertThat(ledger.queryForObject("select count(*) from declaration", Integer.class)).isEqualTo(valid);
        assertThat(ledger.queryForObject("select count(*) from declaration where status in " + ACCEPTED,
                Integer.class)).as(() -> "not accepted in the ledger: " + ledger.queryForList(
                        "select declaration_request_id, status, attempts, claimed_by from declaration "
                                + "where status not in " + ACCEPTED)).isEqualTo(valid);
        Map<String, Set<String>> requestsById = gateway.journal().entries("alipay-plus.declare").stream()
                .collect(Collectors.groupingBy(SimulatorJournal.Entry::id,
                        Collectors.mapping(SimulatorJournal.Entry::request, Collectors.toSet())));
        assertThat(requestsById).hasSize(valid);
        assertThat(requestsById.values()).as("every resend identical").allSatisfy(r -> assertThat(r).hasSize(1));
        SimulatedDeclarations declared = gateway.bean(SimulatedDeclarations.class);
        Set<String> accepted = new HashSet<>();
        for (String id : requestsById.keySet()) {
            declared.find(id).ifPresent(d -> accepted.add(d.requestId()));
        }
        assertThat(accepted).as("declared once in effect at the gateway").hasSize(valid);
    }
}
