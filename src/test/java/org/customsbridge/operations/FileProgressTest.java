package org.customsbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.customsbridge.ledger.DeclarationStatus;
import org.junit.jupiter.api.Test;

class FileProgressTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void rateEtaAndFailuresFromTheResultsCounts() {
        FileProgress progress = FileProgress.of("orders.csv", 1000, Map.of(DeclarationStatus.ACCEPTED, 117L,
                DeclarationStatus.INVALID, 2L, DeclarationStatus.DECLARE_FAILED, 1L), START, START.plusSeconds(10));
        assertThat(progress.line()).isEqualTo("orders.csv: 120/1000 records (12%), 12.0/s, 3 failed so far, ETA 1m14s");
    }

    @Test
    void noRateYetMeansNoEta() {
        FileProgress progress = FileProgress.of("big.jsonl", 50, Map.of(), START, START.plusSeconds(5));
        assertThat(progress.line()).isEqualTo("big.jsonl: 0/50 records (0%), 0.0/s, 0 failed so far, ETA unknown");
    }

    @Test
    void longEtasInHoursAndMinutes() {
        assertThat(FileProgress.human(Duration.ofSeconds(2 * 3600 + 5 * 60 + 7))).isEqualTo("2h05m");
        assertThat(FileProgress.human(Duration.ofMillis(400))).isEqualTo("1s");
    }
}
