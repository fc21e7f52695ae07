package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Inbox;
import org.customsbridge.reliability.MalformedCorpus.CorpusFile;
import org.customsbridge.reliability.MalformedCorpus.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at volume: the real jar with a 256 MB heap (an OutOfMemoryError ends it) takes a
 * generated corpus of more than 1,000 broken inputs at once. Every file ends in {@code .done/} with a
 * row per record (an INVALID row naming line, field and rule) or in {@code .error/} with a reason
 * naming the file; no external entity is ever fetched; no results cell can run as a formula or
 * echoes a huge value whole; and afterwards the bundle is still UP and declares a good file.
 */
class MalformedCorpusIT {

    private static final Set<String> STATUSES = Set.of("INVALID", "ACCEPTED", "DECLARE_FAILED", "UNKNOWN",
            "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED", "CUSTOMS_REJECTED");
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");

    @TempDir
    Path root;

    @Test
    void everyBrokenInputGetsAReasonAndTheBundleStaysUp() throws Exception {
        AtomicInteger trapConnections = new AtomicInteger();
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread counter = new Thread(() -> countConnections(trap, trapConnections), "trap");
            counter.setDaemon(true);
            counter.start();
            List<CorpusFile> corpus = MalformedCorpus.generate(trap.getLocalPort());
            assertThat(corpus.stream().mapToInt(CorpusFile::malformations).sum()).isGreaterThanOrEqualTo(1000);

            Inbox inbox = Inbox.under(root);
            Map<String, String> settings = BundleProcess.settings(root);
            try (BundleProcess bundle = BundleProcess.start("256m", settings, Map.of(), root.resolve("bundle.log"))) {
                corpus.forEach(file -> inbox.drop(file.name(), file.content()));
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !bundle.isAlive() || corpus.stream().allMatch(file -> settled(inbox, file)));
                assertThat(bundle.isAlive()).as("still running (no OutOfMemoryError); log:\n%s", tail(bundle.log()))
                        .isTrue();

                List<String> failures = new java.util.ArrayList<>();
                for (CorpusFile file : corpus) {
                    try {
                        check(inbox, file);
                    } catch (AssertionError failure) {
                        failures.add(failure.getMessage());
                    }
                }
                assertThat(failures).as("files not handled as expected").isEmpty();
                assertThat(trapConnections.get()).as("connections to the external-entity address").isZero();

                assertThat(bundle.isUp()).isTrue();
                inbox.drop("good.csv", Inbox.csv("AFTER-000001,PAY-AFTER-1,1.00"));
                assertThat(inbox.awaitResults("good.csv")).singleElement()
                        .satisfies(row -> assertThat(row.get("status")).isEqualTo("ACCEPTED"));
                assertThat(bundle.log()).doesNotContain("OutOfMemoryError");
            }
        }
    }

    private static boolean settled(Inbox inbox, CorpusFile file) {
        return Files.exists(inbox.done(file.name())) || Files.exists(inbox.error(file.name()));
    }

    private static void check(Inbox inbox, CorpusFile file) throws IOException {
        boolean done = Files.exists(inbox.done(file.name()));
        if (file.outcome() == Outcome.DONE) {
            assertThat(done).as("%s in .done/; reason: %s", file.name(), reason(inbox, file)).isTrue();
        } else if (file.outcome() == Outcome.ERROR) {
            assertThat(done).as("%s in .error/", file.name()).isFalse();
        }
        if (!done) {
            String reason = reason(inbox, file);
            assertThat(reason).as("reason for " + file.name()).contains(file.name());
            if (file.reason() != null) {
                assertThat(reason).as("reason for " + file.name()).contains(file.reason());
            }
            return;
        }
        List<CSVRecord> rows = rows(inbox.results(file.name()));
        if (file.records() >= 0) {
            assertThat(rows).as(file.name()).hasSize(file.records());
        }
        assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.get("record"))).sorted())
                .as("%s: one row per record", file.name()).containsExactly(LongStream.rangeClosed(1, rows.size())
                        .boxed().toArray(Long[]::new));
        for (CSVRecord row : rows) {
            assertThat(row.get("status")).as("%s %s", file.name(), row).isIn(STATUSES);
            for (String cell : row.values()) {
                assertThat(!FORMULA_START.matcher(cell).matches() || NUMBER.matcher(cell).matches())
                        .as("%s: a cell a spreadsheet would run: %s", file.name(), cell).isTrue();
                assertThat(cell.length()).as("%s: a huge value echoed whole", file.name()).isLessThanOrEqualTo(4000);
            }
            String expected = file.invalid().get(Long.parseLong(row.get("record")));
            if (row.get("status").equals("INVALID")) {
                assertThat(row.get("message")).as("%s %s", file.name(), row).contains("line " + row.get("line") + ":");
            }
            if (expected != null) {
                assertThat(row.get("status")).as("%s %s", file.name(), row).isEqualTo("INVALID");
                assertThat(row.get("message")).as("%s %s", file.name(), row).contains(expected);
            }
        }
    }

    private static String reason(Inbox inbox, CorpusFile file) throws IOException {
        Path reason = inbox.inbox().resolve(".error").resolve(file.name() + ".reason.txt");
        return Files.exists(reason) ? Files.readString(reason, StandardCharsets.UTF_8) : "(no reason file)";
    }

    private static List<CSVRecord> rows(Path results) {
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void countConnections(ServerSocket trap, AtomicInteger connections) {
        while (!trap.isClosed()) {
            try (Socket ignored = trap.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String tail(String log) {
        return log.length() <= 20_000 ? log : log.substring(log.length() - 20_000);
    }
}
