package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lifecycle against a misbehaving gateway (simulator rules by id prefix): resends with
 * identical parameters, failures never resent, customs rejections, and an unknown declaration the
 * gateway never received declared again by tracking.
 */
class LifecycleFlowTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"alipay-plus", "mapi"})
    void eachRecordEndsAsItsGatewayAndCustomsDecide(String gateway) {
        Map<String, String> properties = new HashMap<>(Map.of("customs.gateway", gateway,
                "customs.retry.max-attempts", "3", "customs.retry.delay", "100ms", "customs.http.timeout", "1s",
                "customs.simulator.timeout-delay", "1500ms", "customs.simulator.customs-delay", "1s",
                "customs.tracking.poll-interval", "1s"));
        rule(properties, "u-then-s", "U2-", "U", 2, "accept");
        rule(properties, "fail", "F1-", "F:PROCESS_FAIL", 0, "accept");
        rule(properties, "timeout", "TO-", "timeout", 1, "accept");
        rule(properties, "server-error", "E5-", "http-500", 1, "accept");
        rule(properties, "bad-signature", "BS-", "bad-signature", 1, "accept");
        rule(properties, "malformed", "MF-", "malformed", 1, "accept");
        rule(properties, "always-unknown", "UU-", "U", 0, "accept");
        rule(properties, "rejected", "RJ-", "", 0, "reject");
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, properties)) {
            inbox.drop("orders.csv", Inbox.csv("U2-000001,2026112400000001,1.00", "F1-000002,2026112400000002,2.00",
                    "TO-000003,2026112400000003,3.00", "E5-000004,2026112400000004,4.00",
                    "BS-000005,2026112400000005,5.00", "MF-000006,2026112400000006,6.00",
                    "UU-000007,2026112400000007,7.00", "RJ-000008,2026112400000008,8.00"));
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("orders.csv"));
            for (String id : List.of("U2-000001", "TO-000003", "E5-000004", "BS-000005", "MF-000006", "RJ-000008")) {
                assertThat(rows.get(id).get("status")).as(id).isEqualTo("ACCEPTED");
            }
            assertThat(rows.get("F1-000002").get("status")).isEqualTo("DECLARE_FAILED");
            assertThat(rows.get("UU-000007").get("status")).isEqualTo("UNKNOWN");

            String declare = gateway.equals("mapi") ? "mapi.declare" : "alipay-plus.declare";
            SimulatorJournal journal = bundle.journal();
            assertThat(calls(journal, declare, "U2-000001")).hasSize(3);
            assertThat(calls(journal, declare, "F1-000002")).as("an F answer is never resent").hasSize(1);
            // 3 calls, then tracking finds it unknown to the gateway and declares it again (3 calls more each time)
            assertThat(calls(journal, declare, "UU-000007").size()).isGreaterThanOrEqualTo(3);
            for (String id : List.of("U2-000001", "TO-000003", "E5-000004", "BS-000005", "MF-000006", "UU-000007")) {
                assertThat(calls(journal, declare, id)).extracting(e -> e.request()).as(id + " resent unchanged")
                        .containsOnly(calls(journal, declare, id).get(0).request());
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> "CUSTOMS_REJECTED".equals(status(bundle, "RJ-000008"))
                    && "CUSTOMS_ACCEPTED".equals(status(bundle, "U2-000001")));
            assertThat(bundle.jdbc().queryForObject("select customs_result_code from declaration "
                    + "where declaration_request_id = 'RJ-000008'", String.class)).isEqualTo("-1");
            assertThat(status(bundle, "F1-000002")).isEqualTo("DECLARE_FAILED");
        }
    }

    private static void rule(Map<String, String> properties, String name, String prefix, String answer, int times,
                             String customs) {
        properties.put("customs.simulator.rules." + name + ".prefix", prefix);
        properties.put("customs.simulator.rules." + name + ".answer", answer);
        properties.put("customs.simulator.rules." + name + ".times", Integer.toString(times));
        properties.put("customs.simulator.rules." + name + ".customs", customs);
    }

    private static List<SimulatorJournal.Entry> calls(SimulatorJournal journal, String operation, String id) {
        return journal.entries(operation).stream().filter(e -> id.equals(e.id())).toList();
    }

    private static String status(Bundle bundle, String id) {
        return bundle.jdbc().queryForObject("select status from declaration where declaration_request_id = ?",
                String.class, id);
    }
}
