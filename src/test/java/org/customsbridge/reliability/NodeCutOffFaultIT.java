package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.flow.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL ledger; the first reaches it through a TCP proxy that the test cuts in
 * the middle of a file, for much longer than the heartbeat timeout, while its calls are in flight and
 * the gateway answers after 200 ms (and a few calls with "unknown", which are resent). The second
 * node takes the cut-off node's claims over (its tracking queries them once their node is taken for
 * dead); when the first node's network is back, it writes no outcome and makes no call for a claim
 * it lost (fencing), and reports what the other node settled. Afterwards: one results row per record,
 * every id declared at the gateway with one parameter set and accepted once in effect, the ledger
 * consistent with the gateway.
 *
 * <p>Runs only in the Maven profile {@code faults}.
 */
class NodeCutOffFaultIT {

    private static final int RECORDS_A = 300;
    private static final int RECORDS_B = 200;
    /**
     * Long enough for the other node to take the calls over while the cut lasts: Quartz hands it the
     * tracking job some 8.5 s after the cut (its cluster check-in plus a fixed 7.5 s margin), and its
     * first poll then queries every open declaration, 200 ms per batch of ten.
     */
    private static final Duration CUT = Duration.ofSeconds(20);

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path ledgerRoot;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path nodeA;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path nodeB;

    @Test
    void aNodeCutOffFromTheLedgerLosesItsClaimsToTheOtherAndDeclaresNothingItNoLongerHolds() throws Exception {
        Map<String, String> ledgerSettings = TestDatabase.ledger(ledgerRoot);
        String url = ledgerSettings.get("spring.datasource.url");
        assertThat(url).as("runs on PostgreSQL (Maven profile faults)").startsWith("jdbc:postgresql:");
        URI database = URI.create(url.substring("jdbc:".length()));
        try (Bundle gateway = Bundle.start(gatewayRoot, Map.of("customs.simulator.latency", "200ms",
                "customs.simulator.faults.u", "0.05", "customs.tracking.poll-interval", "1d",
                "spring.datasource.url", "jdbc:h2:file:" + gatewayRoot.resolve("ledger").toAbsolutePath(),
                "spring.datasource.username", "sa", "spring.datasource.password", ""));
             TcpProxy proxy = TcpProxy.to(database.getHost(), database.getPort());
             BundleProcess a = startNode(nodeA, gateway.port(), ledgerSettings,
                     url.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port()));
             BundleProcess b = startNode(nodeB, gateway.port(), ledgerSettings, url)) {
            JdbcTemplate ledger = BundleProcess.ledger(ledgerSettings);
            Inbox inboxA = Inbox.under(nodeA);
            Inbox inboxB = Inbox.under(nodeB);
            inboxA.drop("orders.csv", DatabaseOutageFaultIT.orders("CUT-A", RECORDS_A));
            inboxB.drop("orders.csv", DatabaseOutageFaultIT.orders("CUT-B", RECORDS_B));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> ledger.queryForObject(
                    "select count(*) from declaration where declaration_request_id like 'CUT-A%' "
                            + "and status <> 'DECLARING'", Integer.class) >= 80);

            proxy.cut();
            long cutAt = System.nanoTime();
            // the other node takes the cut-off node's calls in flight over once its heartbeat is stale
            await().atMost(CUT).pollInterval(Duration.ofMillis(200)).until(() -> takenOver(ledger, a));
            Thread.sleep(Math.max(0, CUT.toMillis() - Duration.ofNanos(System.nanoTime() - cutAt).toMillis()));
            proxy.restore();

            List<CSVRecord> rowsA = DatabaseOutageFaultIT.awaitResults(inboxA, a, "orders.csv");
            List<CSVRecord> rowsB = DatabaseOutageFaultIT.awaitResults(inboxB, b, "orders.csv");
            DeclaredOnce.assertResults(rowsA, RECORDS_A, "CUT-A");
            DeclaredOnce.assertResults(rowsB, RECORDS_B, "CUT-B");
            DeclaredOnce.assertLedgerAndGateway(ledger, gateway, RECORDS_A + RECORDS_B);
            assertThat(a.log()).as("the cut-off node met claims it had lost")
                    .contains("was taken over while this node was cut off from the ledger")
                    .contains("This node's heartbeat is written again");
            assertThat(ledger.queryForObject("select count(*) from declaration where claimed_by is not null "
                    + "or claim_token is not null", Integer.class)).as("no claim left behind").isZero();
        }
    }

    /** Whether the other node has settled or claimed a declaration the cut-off node was calling for. */
    private static boolean takenOver(JdbcTemplate ledger, BundleProcess cutOff) {
        return ledger.queryForObject("""
                select count(*) from declaration_history h join declaration d
                  on d.declaration_request_id = h.declaration_request_id
                where d.declaration_request_id like 'CUT-A%' and h.from_status is null
                  and h.to_status in ('CUSTOMS_PENDING', 'CUSTOMS_ACCEPTED')""", Integer.class) > 0
                || ledger.queryForObject("select count(*) from declaration where declaration_request_id like 'CUT-A%' "
                        + "and status = 'DECLARING' and attempts > 1", Integer.class) > 0;
    }

    private BundleProcess startNode(Path root, int gatewayPort, Map<String, String> ledgerSettings, String url) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, root);
        properties.putAll(ledgerSettings);
        properties.put("spring.datasource.url", url);
        properties.putAll(TestLogins.properties());
        properties.put("customs.cluster.enabled", "true");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("customs.tracking.poll-interval", "1s");
        properties.put("customs.ledger.outage-wait", "3m");
        return BundleProcess.start("512m", properties, Map.of(), root.resolve("bundle.log"));
    }
}
