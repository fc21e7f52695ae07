package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.simulator.SimulatorJournal;
import org.customsbridge.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retransmission (Alipay's rule): a declared id with a changed amount, customs code or merchant customs
 * data is declared again, but not earlier than 5 minutes after its last call; any other change is
 * refused. Time is a clock the test moves.
 */
class RetransmissionFlowTest {

    @TempDir
    Path root;

    @Test
    void aChangedAmountWaitsForFiveMinutesAndOtherChangesAreRefused() {
        Inbox inbox = Inbox.under(root);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        try (Bundle bundle = Bundle.start(root, Map.of("customs.retransmission-check", "100ms",
                "customs.tracking.poll-interval", "1d"), clock)) {
            SimulatorJournal journal = bundle.journal();
            inbox.drop("first.csv", Inbox.csv("RETRANS-0001,PAY-RT-1,10.00"));
            assertThat(inbox.awaitResults("first.csv").get(0).get("status")).isEqualTo("ACCEPTED");

            clock.advance(Duration.ofMinutes(1));
            inbox.drop("amount.csv", Inbox.csv("RETRANS-0001,PAY-RT-1,10.50"));
            CSVRecord scheduled = inbox.awaitResults("amount.csv").get(0);
            assertThat(scheduled.get("status")).isEqualTo("ACCEPTED");
            assertThat(scheduled.get("code")).isEqualTo("RETRANSMISSION_SCHEDULED");
            assertThat(scheduled.get("message")).startsWith("changed amount: retransmission scheduled for 2026-11-24T10:05Z");

            inbox.drop("payment.csv", Inbox.csv("RETRANS-0001,PAY-RT-9,10.00"));
            CSVRecord refused = inbox.awaitResults("payment.csv").get(0);
            assertThat(refused.get("status")).isEqualTo("INVALID");
            assertThat(refused.get("message")).contains("different paymentId, which may not change");

            clock.advance(Duration.ofMinutes(3)); // 10:04, still too early
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(declares(journal)).hasSize(1);

            clock.advance(Duration.ofMinutes(1)); // 10:05
            await().atMost(Duration.ofSeconds(30)).until(() -> declares(journal).size() == 2);
            assertThat(declares(journal).get(1).request()).contains("\"value\":\"1050\"");
            assertThat(declares(journal).get(1).resultCode()).isEqualTo("SUCCESS");
            await().atMost(Duration.ofSeconds(10)).until(() -> bundle.jdbc().queryForObject(
                    "select request_fields from declaration", String.class).contains("\"amount\":\"10.50\""));
            assertThat(bundle.jdbc().queryForObject("select status from declaration", String.class)).isEqualTo("ACCEPTED");

            clock.advance(Duration.ofMinutes(6));
            inbox.drop("customs.csv", "declarationRequestId,paymentId,customsCode,amount\nRETRANS-0001,PAY-RT-1,NINGBO,10.50\n");
            CSVRecord immediate = inbox.awaitResults("customs.csv").get(0);
            assertThat(immediate.get("status")).isEqualTo("ACCEPTED");
            assertThat(immediate.get("code")).isEqualTo("SUCCESS");
            assertThat(declares(journal)).hasSize(3);
            assertThat(declares(journal).get(2).request()).contains("\"customsCode\":\"NINGBO\"");
        }
    }

    private static List<SimulatorJournal.Entry> declares(SimulatorJournal journal) {
        return journal.entries("alipay-plus.declare");
    }
}
