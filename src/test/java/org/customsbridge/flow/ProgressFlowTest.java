package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A file that takes a while logs where it stands every interval, not every record. */
@ExtendWith(OutputCaptureExtension.class)
class ProgressFlowTest {

    @TempDir
    Path root;

    @Test
    void aSlowFileLogsProgressLinesThenItsSummary(CapturedOutput output) {
        Inbox inbox = Inbox.under(root);
        String[] records = new String[30];
        for (int i = 0; i < records.length; i++) {
            records[i] = "PROG-%04d,2026112422001300000000%06d,%d.00".formatted(i + 1, i + 1, i + 1);
        }
        records[4] = "PROG-0005,2026112422001300000000000005,1.234";
        // 30 records one at a time at >= 100 ms each take 3 s or more: several 500 ms progress intervals
        try (Bundle bundle = Bundle.start(root, Map.of("customs.simulator.latency", "100ms",
                "customs.intake.concurrency", "1", "customs.progress.interval", "500ms"))) {
            inbox.drop("slow.csv", Inbox.csv(records));
            assertThat(inbox.awaitResults("slow.csv")).hasSize(30);
        }
        List<String> progress = Arrays.stream(output.getOut().split("\\R"))
                .filter(line -> line.contains("FilesInProgress") && line.contains("slow.csv")).toList();
        assertThat(progress).hasSizeBetween(2, 15);
        assertThat(progress).allSatisfy(line -> assertThat(line).contains(" INFO ")
                .containsPattern("slow\\.csv: \\d+/30 records \\(\\d+%\\), \\d+\\.\\d/s, \\d+ failed so far, ETA \\S+"));
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("1 failed so far"));
        assertThat(output.getOut()).containsPattern("slow\\.csv: done in \\d+ ms");
    }
}
