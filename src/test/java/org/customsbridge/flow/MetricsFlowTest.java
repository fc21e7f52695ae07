package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /actuator/prometheus} after a declared file: ledger gauges and Camel route metrics. */
class MetricsFlowTest {

    @TempDir
    Path root;

    @Test
    void scrapeShowsDeclarationsByStatusOpenOnesAndRouteMetrics() {
        Inbox inbox = Inbox.under(root);
        // customs never answers within the test, so the declarations stay open
        try (Bundle bundle = Bundle.start(root, Map.of("customs.simulator.customs-delay", "1h",
                "customs.metrics.ledger-cache", "200ms"))) {
            Http http = bundle.http();
            inbox.drop("orders.csv", Inbox.csv("METRIC-0001,2026112422001300000000000001,1.00",
                    "METRIC-0002,2026112422001300000000000002,2.00",
                    "METRIC-0003,2026112422001300000000000003,0"));
            assertThat(inbox.awaitResults("orders.csv")).hasSize(3);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Http.Answer scrape = http.get("/actuator/prometheus");
                assertThat(scrape.status()).isEqualTo(200);
                String body = scrape.body();
                assertThat(value(body, "customs_declarations{gateway=\"alipay-plus\",status=\"ACCEPTED\"}"))
                        .isEqualTo(2);
                assertThat(value(body, "customs_declarations{gateway=\"alipay-plus\",status=\"INVALID\"}"))
                        .isEqualTo(1);
                assertThat(value(body, "customs_declarations{gateway=\"mapi\",status=\"ACCEPTED\"}")).isZero();
                assertThat(value(body, "customs_declarations_open")).isEqualTo(2);
                assertThat(value(body, "customs_declarations_oldest_open_age_seconds")).isPositive();
                assertThat(body).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"file-intake\"");
                assertThat(body).containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"declare-record\"");
                // the two valid records made one declare call each, answered 200, not resends
                assertThat(value(body, "customs_gateway_calls_seconds_count{operation=\"alipay-plus.declare\","
                        + "outcome=\"200\",resend=\"false\"}")).isEqualTo(2);
                assertThat(body).contains("customs_gateway_calls_seconds_bucket{");
                assertThat(value(body, "customs_declare_results_total{code=\"SUCCESS\","
                        + "operation=\"alipay-plus.declare\"}")).isEqualTo(2);
            });
        }
    }

    /** The value of the series {@code nameAndLabels} (exact label set, in Prometheus' order). */
    private static double value(String scrape, String nameAndLabels) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(nameAndLabels) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        assertThat(matcher.find()).as("series " + nameAndLabels + " in the scrape").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
