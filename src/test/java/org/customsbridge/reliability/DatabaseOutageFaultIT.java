package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.SftpServer;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.flow.TestLogins;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's PostgreSQL goes away in the middle of a file, while hundreds of records are in flight
 * and the gateway answers after 150 ms: stopped for 30 s and started again, or its connections killed
 * as in a failover. The declare workers wait and go on; nothing moves to {@code .error/}; health
 * answers at once and says the ledger is DOWN (and the bundle not ready) while it lasts; afterwards
 * every record has its results row and every valid one was declared once in effect. A file on the SFTP
 * intake whose ledger stays away longer than {@code customs.ledger.outage-wait} stays on the server (not
 * in its {@code .error/}) and is declared completely once the ledger is back.
 *
 * <p>Runs only in the Maven profile {@code faults} (it stops the machine's PostgreSQL).
 */
class DatabaseOutageFaultIT {

    private static final int RECORDS = 400;
    private static final int LATE_RECORDS = 100;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int SFTP_RECORDS = 200;

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path bundleRoot;

    @TempDir
    Path sftpRoot;

    @Test
    void databaseStoppedMidFileForThirtySecondsThenStartedAgain() throws Exception {
        String application = "cb-fault-" + UUID.randomUUID().toString().substring(0, 8);
        try (Bundle gateway = startGateway(); BundleProcess bundle = startBundle(gateway.port(), application)) {
            Inbox inbox = Inbox.under(bundleRoot);
            inbox.drop("orders.csv", orders("STOP-A", RECORDS));
            awaitDeclared(gateway, 80);
            try {
                Postgres.stop();
                long stoppedAt = System.nanoTime();
                // while it lasts, health answers at once and tells what is failing
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ledgerDown(bundle));
                inbox.drop("late.csv", orders("STOP-L", LATE_RECORDS));
                while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                    assertHealthSaysLedgerDown(bundle);
                    assertThat(Files.exists(inbox.error("orders.csv"))).as("a good file is no error").isFalse();
                    Thread.sleep(2000);
                }
            } finally {
                Postgres.start();
            }
            List<CSVRecord> rows = awaitResults(inbox, bundle, "orders.csv");
            List<CSVRecord> late = awaitResults(inbox, bundle, "late.csv");
            await().atMost(Duration.ofSeconds(30)).until(() -> bundle.get("/actuator/health/readiness").status() == 200);
            DeclaredOnce.assertResults(rows, RECORDS, "STOP-A");
            DeclaredOnce.assertResults(late, LATE_RECORDS, "STOP-L");
            DeclaredOnce.assertLedgerAndGateway(ledger(), gateway, RECORDS + LATE_RECORDS);
            assertThat(bundle.log()).contains("The ledger cannot be reached").contains("The ledger answers again");
        }
    }

    @Test
    void connectionsKilledMidFileAsInAFailover() throws Exception {
        String application = "cb-fault-" + UUID.randomUUID().toString().substring(0, 8);
        try (Bundle gateway = startGateway(); BundleProcess bundle = startBundle(gateway.port(), application)) {
            Inbox inbox = Inbox.under(bundleRoot);
            inbox.drop("orders.csv", orders("KILL-A", RECORDS));
            int killed = 0;
            for (int declared : new int[] {80, 160, 240}) {
                awaitDeclared(gateway, declared);
                killed += Postgres.terminateConnections(application);
            }
            assertThat(killed).as("connections killed mid-file").isPositive();
            List<CSVRecord> rows = awaitResults(inbox, bundle, "orders.csv");
            DeclaredOnce.assertResults(rows, RECORDS, "KILL-A");
            DeclaredOnce.assertLedgerAndGateway(ledger(), gateway, RECORDS);
            assertThat(bundle.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    @Test
    void anSftpFileHitByAnOutageLongerThanTheWaitStaysOnTheServerAndIsDeclaredOnceItIsOver() throws Exception {
        Map<String, String> ledgerSettings = TestDatabase.ledger(bundleRoot);
        String url = ledgerSettings.get("spring.datasource.url");
        URI database = URI.create(url.substring("jdbc:".length()));
        try (Bundle gateway = startGateway(); SftpServer sftp = new SftpServer(sftpRoot);
             TcpProxy proxy = TcpProxy.to(database.getHost(), database.getPort())) {
            Map<String, String> properties = BundleProcess.against(gateway.port(), gatewayRoot, bundleRoot);
            properties.putAll(ledgerSettings);
            properties.put("spring.datasource.url",
                    url.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port()));
            properties.put("customs.tracking.poll-interval", "1d");
            properties.put("customs.ledger.outage-wait", "3s");
            properties.putAll(sftp.settings());
            properties.putAll(TestLogins.properties());
            try (BundleProcess bundle = BundleProcess.start("512m", properties, Map.of(),
                    bundleRoot.resolve("bundle.log"))) {
                sftp.drop("orders.csv", orders("SFTP-A", SFTP_RECORDS));
                awaitDeclared(gateway, 40);
                proxy.cut();
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                            .until(() -> bundle.log().contains("orders.csv: stays in place"));
                } catch (ConditionTimeoutException notPutBack) {
                    String log = bundle.log();
                    throw new AssertionError("no \"orders.csv: stays in place\" within 60 s of the cut; the bundle's "
                            + "log ends:\n" + log.substring(Math.max(0, log.length() - 20_000)), notPutBack);
                }
                Thread.sleep(3000);
                assertThat(sftp.file("inbox/.error/orders.csv")).as("a good file is no error").doesNotExist();
                assertThat(sftp.file("inbox/orders.csv")).as("left on the server").exists();
                proxy.restore();

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                        Files.exists(sftp.file("inbox/.done/orders.csv"))
                                || Files.exists(sftp.file("inbox/.error/orders.csv")));
                assertThat(sftp.file("inbox/.error/orders.csv")).as(bundle::log).doesNotExist();
                List<CSVRecord> rows = new Inbox(sftp.file("inbox"), sftp.file("results")).awaitResults("orders.csv");
                DeclaredOnce.assertResults(rows, SFTP_RECORDS, "SFTP-A");
                DeclaredOnce.assertLedgerAndGateway(ledger(), gateway, SFTP_RECORDS);
            }
        }
    }

    private static boolean ledgerDown(BundleProcess bundle) {
        Http.Answer db = bundle.get("/actuator/health/db");
        return db.status() == 503 && db.body().contains("\"status\":\"DOWN\"");
    }

    private static void assertHealthSaysLedgerDown(BundleProcess bundle) {
        long start = System.nanoTime();
        Http.Answer health = bundle.get("/actuator/health");
        Http.Answer readiness = bundle.get("/actuator/health/readiness");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("health answers at once").isLessThan(
                Duration.ofSeconds(5));
        assertThat(health.status()).isEqualTo(503);
        assertThat(ledgerDown(bundle)).as("the ledger's component says DOWN").isTrue();
        assertThat(readiness.status()).as("not ready while the ledger is down").isEqualTo(503);
        assertThat(bundle.get("/actuator/health/liveness").status()).as("no reason to restart").isEqualTo(200);
        assertThat(bundle.get("/actuator/prometheus").body()).contains("customs_ledger_reachable 0.0");
    }

    /** The results of {@code name} once it moved to {@code .done/}; failing at once, with the log, if it went to {@code .error/}. */
    static List<CSVRecord> awaitResults(Inbox inbox, BundleProcess bundle, String name) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> Files.exists(inbox.results(name)) || Files.exists(inbox.error(name)) || !bundle.isAlive());
        assertThat(inbox.error(name)).as(() -> name + " moved to .error/: " + reason(inbox, name) + "\n"
                + bundle.log()).doesNotExist();
        assertThat(inbox.results(name)).as(() -> "no results for " + name + "\n" + bundle.log()).exists();
        List<CSVRecord> rows = inbox.awaitResults(name);
        inbox.awaitMoved(inbox.done(name));
        return rows;
    }

    private static String reason(Inbox inbox, String name) {
        try {
            Path reason = inbox.error(name + ".reason.txt");
            return Files.exists(reason) ? Files.readString(reason) : "(no reason file)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void awaitDeclared(Bundle gateway, int calls) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> gateway.journal().entries("alipay-plus.declare").size() >= calls);
    }

    /** The simulated gateway, on a ledger of its own (H2) that the outage leaves alone. */
    private Bundle startGateway() {
        return startGateway(gatewayRoot);
    }

    static Bundle startGateway(Path root) {
        return Bundle.start(root, Map.of("customs.simulator.latency", "150ms",
                "customs.tracking.poll-interval", "1d",
                "spring.datasource.url", "jdbc:h2:file:" + root.resolve("ledger").toAbsolutePath(),
                "spring.datasource.username", "sa", "spring.datasource.password", ""));
    }

    /** The jar on its own PostgreSQL schema, its connections named {@code application} so the test can kill them. */
    private BundleProcess startBundle(int gatewayPort, String application) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, bundleRoot);
        properties.put("customs.tracking.poll-interval", "1d");
        Map<String, String> datasource = new LinkedHashMap<>(TestDatabase.ledger(bundleRoot));
        String url = datasource.get("spring.datasource.url");
        assertThat(url).as("runs on PostgreSQL (Maven profile faults)").startsWith("jdbc:postgresql:");
        datasource.put("spring.datasource.url", url + "&ApplicationName=" + application);
        properties.putAll(datasource);
        properties.putAll(TestLogins.properties());
        return BundleProcess.start("512m", properties, Map.of(), bundleRoot.resolve("bundle.log"));
    }

    private JdbcTemplate ledger() {
        return BundleProcess.ledger(TestDatabase.ledger(bundleRoot));
    }

    /** Records {@code <prefix>000001...}, every one valid. */
    static String orders(String prefix, int records) {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = 1; i <= records; i++) {
            csv.append("%s%06d,PAY-%s-%06d,ZONGSHU,%d.00\n".formatted(prefix, i, prefix, i, i % 500 + 1));
        }
        return csv.toString();
    }
}
