package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger, not memory, decides: after a restart the same records are not declared again. */
class RestartFlowTest {

    @TempDir
    Path root;

    @Test
    void recordsDroppedAgainAfterARestartAreNotDeclaredAgain() {
        Inbox inbox = Inbox.under(root);
        String orders = Inbox.csv("RESTART-0001,PAY-R-1,10.00", "RESTART-0002,PAY-R-2,20.00", "RESTART-0003,PAY-R-3,1.001");
        try (Bundle first = Bundle.start(root, Map.of())) {
            inbox.drop("orders.csv", orders);
            assertThat(inbox.awaitResults("orders.csv")).extracting(r -> r.get("status"))
                    .containsExactlyInAnyOrder("ACCEPTED", "ACCEPTED", "INVALID");
            assertThat(first.journal().entries("alipay-plus.declare")).hasSize(2);
            inbox.awaitMoved(inbox.done("orders.csv"));
        }
        inbox.results("orders.csv").toFile().delete();

        try (Bundle second = Bundle.start(root, Map.of())) {
            inbox.drop("orders.csv", orders);
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("orders.csv"));
            assertThat(second.journal().entries("alipay-plus.declare")).isEmpty();
            assertThat(rows.get("RESTART-0001").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("RESTART-0001").get("message")).startsWith("already declared");
            assertThat(rows.get("RESTART-0003").get("status")).isEqualTo("INVALID");
            assertThat(second.jdbc().queryForObject("select max(attempts) from declaration", Integer.class))
                    .isEqualTo(1);
        }
    }
}
