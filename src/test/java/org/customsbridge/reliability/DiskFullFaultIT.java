package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.flow.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's disk (a 2 MB tmpfs the test mounts) fills up while a 400-record file is declared:
 * the file stays in the inbox rather than going to {@code .error/}, no new file is taken, health
 * says the outbox is DOWN and the log says why; once space is freed, intake goes on by itself and
 * every record ends with its results row, declared once in effect.
 *
 * <p>Runs only in the Maven profile {@code faults} (it mounts a file system, as root).
 */
class DiskFullFaultIT {

    private static final int RECORDS = 400;
    private static final int LATE_RECORDS = 100;

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path bundleRoot;

    @Test
    void outboxDiskFullMidFileThenSpaceFreed() throws Exception {
        Path outbox = Files.createDirectories(bundleRoot.resolve("outbox"));
        SmallDisk.mount(outbox, "2m");
        try (Bundle gateway = startGateway(); BundleProcess bundle = startBundle(gateway.port())) {
            Inbox inbox = Inbox.under(bundleRoot);
            inbox.drop("orders.csv", DatabaseOutageFaultIT.orders("DISK-A", RECORDS));
            DatabaseOutageFaultIT.awaitDeclared(gateway, 80);
            Path filler = outbox.resolve(".filler");
            fill(filler);
            inbox.drop("late.csv", DatabaseOutageFaultIT.orders("DISK-L", LATE_RECORDS));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> bundle.log().contains("no new input file is taken until space is freed"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> bundle.log().contains("orders.csv: stays in place"));
            Thread.sleep(3000);
            Http.Answer health = bundle.get("/actuator/health/outbox");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            assertThat(bundle.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(inbox.error("orders.csv")).as("a full disk does not make a good file an error").doesNotExist();
            assertThat(inbox.inbox().resolve("orders.csv")).as("kept for later").exists();
            assertThat(inbox.inbox().resolve("late.csv")).as("no new file taken").exists();
            assertThat(bundle.log()).doesNotContain("late.csv: " + LATE_RECORDS + " records, declaring");

            Files.delete(filler);
            List<CSVRecord> rows = DatabaseOutageFaultIT.awaitResults(inbox, bundle, "orders.csv");
            List<CSVRecord> late = DatabaseOutageFaultIT.awaitResults(inbox, bundle, "late.csv");
            DeclaredOnce.assertResults(rows, RECORDS, "DISK-A");
            DeclaredOnce.assertResults(late, LATE_RECORDS, "DISK-L");
            DeclaredOnce.assertLedgerAndGateway(BundleProcess.ledger(TestDatabase.ledger(bundleRoot)), gateway,
                    RECORDS + LATE_RECORDS);
            assertThat(bundle.log()).contains("input files are taken again");
            await().atMost(Duration.ofSeconds(30)).until(() -> bundle.get("/actuator/health/readiness").status() == 200);
        } finally {
            SmallDisk.unmount(outbox);
        }
    }

    /** Writes until the disk refuses. */
    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full: what the test wants
        }
    }

    private Bundle startGateway() {
        return DatabaseOutageFaultIT.startGateway(gatewayRoot);
    }

    private BundleProcess startBundle(int gatewayPort) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, bundleRoot);
        properties.put("customs.tracking.poll-interval", "1d");
        properties.putAll(TestDatabase.ledger(bundleRoot));
        properties.putAll(TestLogins.properties());
        // the small disk's own bound: a few results files' worth
        properties.put("customs.health.min-free-space", "256KB");
        // slow enough that the disk fills while the first file is under way
        properties.put("customs.intake.concurrency", "10");
        return BundleProcess.start("512m", properties, Map.of(), bundleRoot.resolve("bundle.log"));
    }
}
