package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tracking: open declarations are queried in batches of at most 10 until customs answers; the same
 * with the schedule kept by a Quartz cluster in the ledger (customs.cluster.enabled).
 */
class TrackingFlowTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}, cluster {1}")
    @CsvSource({"alipay-plus,false", "mapi,false", "alipay-plus,true"})
    void twentyThreeDeclarationsReachTheirCustomsOutcomeInThreeQueryCallsPerPoll(String gateway, String cluster) {
        Inbox inbox = Inbox.under(root);
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = 1; i <= 23; i++) {
            csv.append("TRACK-%04d,2026112422001300000000%06d,ZONGSHU,%d.00\n".formatted(i, i, i));
        }
        try (Bundle bundle = Bundle.start(root, Map.of("customs.gateway", gateway, "customs.cluster.enabled", cluster,
                "customs.simulator.customs-delay", "3s", "customs.tracking.poll-interval", "2s"))) {
            inbox.drop("orders.csv", csv.toString());
            assertThat(inbox.awaitResults("orders.csv")).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("ACCEPTED"));

            JdbcTemplate jdbc = bundle.jdbc();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select count(*) from declaration where status = 'CUSTOMS_ACCEPTED'", Integer.class) == 23);
            String query = gateway.equals("mapi") ? "mapi.query" : "alipay-plus.inquire";
            var queries = bundle.journal().entries(query);
            // every poll (once the file is declared; one may have come in the middle of it) asks about every
            // open declaration in 10 + 10 + 3
            assertThat(queries).extracting(e -> e.id().split(",").length).containsSequence(10, 10, 3);
            assertThat(queries).allSatisfy(e -> assertThat(e.id().split(",").length).isLessThanOrEqualTo(10));
            assertThat(jdbc.queryForObject("select count(*) from declaration where customs_result_code = '120'",
                    Integer.class)).isEqualTo(23);
            // terminal rows are never queried again (once a poll that was under way has finished)
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            int settledAfter = bundle.journal().entries(query).size();
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(bundle.journal().entries(query)).hasSize(settledAfter);
            assertThat(jdbc.queryForObject("select count(*) from status_event where status = 'CUSTOMS_ACCEPTED'",
                    Integer.class)).isEqualTo(23);
        }
    }
}
