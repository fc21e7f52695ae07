package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation report, on demand over HTTP and on its Quartz schedule. */
class ReconciliationReportFlowTest {

    @TempDir
    Path root;

    @Test
    void reportPerCustomsCodeWithLongPendingDeclarationsAndAnHtmlPage() throws IOException {
        Inbox inbox = Inbox.under(root);
        // customs never answers during the test; every accepted declaration soon counts as long pending
        try (Bundle bundle = Bundle.start(root, Map.of("customs.simulator.customs-delay", "1h",
                "customs.report.pending-alert-age", "1s"))) {
            Http http = bundle.http();
            inbox.drop("orders.csv", """
                    declarationRequestId,paymentId,customsCode,amount
                    REP-0001,2026112422001300000000000001,ZONGSHU,1.00
                    REP-0002,2026112422001300000000000002,ZONGSHU,2.00
                    REP-0003,2026112422001300000000000003,HANGZHOU,3.00
                    REP-0004,UNPAID-0004,ZONGSHU,4.00
                    REP-0005,2026112422001300000000000005,ZONGSHU,1.234
                    BAD,2026112422001300000000000006,ZONGSHU,6.00
                    """);
            assertThat(inbox.awaitResults("orders.csv")).hasSize(6);
            await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> true);

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Http.Answer answer = http.post("/api/reports/reconciliation?date=" + today);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode written = answer.json();
            // every input record is counted, the one without a valid id (hence no declaration) too
            assertThat(written.get("declarations").asLong()).isEqualTo(6);
            assertThat(written.get("rejected").asLong()).isEqualTo(1);
            assertThat(written.get("pending").asLong()).isEqualTo(3);
            Path reports = root.resolve("outbox").resolve("reports");
            assertThat(written.get("csv").asText()).isEqualTo(reports.resolve("reconciliation-" + today + ".csv")
                    .toString());
            assertThat(Files.readString(reports.resolve("reconciliation-" + today + ".csv"))).isEqualToNormalizingNewlines("""
                    customsCode,declared,acceptedByAlipay,customsAccepted,customsRejected,pending,failed,invalid
                    (none),0,0,0,0,0,0,2
                    HANGZHOU,1,1,0,0,1,0,0
                    ZONGSHU,3,2,0,0,2,1,0
                    """);
            String pending = Files.readString(reports.resolve("reconciliation-" + today + ".pending.csv"));
            assertThat(pending).startsWith("declarationRequestId,paymentId,gateway,status,createdAt,pendingHours")
                    .contains("REP-0001,", "REP-0002,", "REP-0003,").doesNotContain("REP-0004", "REP-0005");
            String rejected = Files.readString(reports.resolve("reconciliation-" + today + ".rejected.csv"));
            assertThat(rejected.lines()).hasSize(2).first().isEqualTo("source,line,declarationRequestId,message,at");
            assertThat(rejected.lines().skip(1).findFirst().orElseThrow()).startsWith("orders.csv,7,BAD,")
                    .contains("declarationRequestId");
            String html = Files.readString(reports.resolve("reconciliation-" + today + ".html"));
            assertThat(html).contains("<svg", "ZONGSHU", "HANGZHOU", "REP-0003", "Records without a valid id", "BAD").doesNotContain("<script", "src=", "href=",
                    "@import", "DECLARING");

            Http.Answer bad = http.post("/api/reports/reconciliation?date=24.11.2026");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("parameter").asText()).isEqualTo("date");
            assertThat(http.post("/api/reports/reconciliation").json().get("parameter").asText()).isEqualTo("date");
            JsonNode empty = http.post("/api/reports/reconciliation?date=2020-01-01").json();
            assertThat(empty.get("declarations").asLong()).isZero();
        }
    }

    @Test
    void theScheduleWritesThePreviousDay() {
        try (Bundle bundle = Bundle.start(root, Map.of("customs.report.cron", "* * * * * ?"))) {
            Path report = root.resolve("outbox").resolve("reports")
                    .resolve("reconciliation-" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ".csv");
            await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(report));
        }
    }
}
