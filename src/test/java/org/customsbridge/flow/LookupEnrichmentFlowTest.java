package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.ErpEndpoint.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: records that lack fields are completed from a real ERP HTTP endpoint before they are
 * validated; a lookup that fails leaves the record INVALID naming the lookup.
 */
class LookupEnrichmentFlowTest {

    @TempDir
    Path root;

    @Test
    void missingFieldsAreFilledFromTheErpAndAFailedLookupNamesItself() {
        try (ErpEndpoint erp = new ErpEndpoint()) {
            erp.lookup("/orders/ENR-000001", Answer.json("""
                    {"paymentId": "PAY-E-1", "customsCode": "ZONGSHU", "amount": 99.99, "buyerName": "Li Lei",
                     "buyerIdNo": "110101199001011234", "declarationRequestId": "SOMETHING-ELSE", "warehouse": "W1"}
                    """));
            erp.lookup("/orders/ENR-000002", Answer.json("<order>not json</order>"));
            erp.lookup("/orders/ENR-000003", Answer.json("{\"paymentId\": \"PAY-E-3\"}"));
            erp.lookup("/orders/ENR-000005", new Answer(503, ""), new Answer(503, ""),
                    Answer.json("{\"paymentId\": \"PAY-E-5\", \"customsCode\": \"NINGBO\"}"));
            erp.lookup("/orders/ENR-000006", new Answer(503, ""));
            try (Bundle bundle = Bundle.start(root, Map.of(
                    "customs.enrich.http.url", erp.url("/orders/{declarationRequestId}"),
                    "customs.enrich.http.max-attempts", "3",
                    "customs.enrich.http.retry-delay", "50ms"))) {
                Inbox inbox = Inbox.under(root);
                inbox.drop("short.csv", """
                        declarationRequestId,amount,paymentId,customsCode
                        ENR-000001,,,
                        ENR-000002,1.00,,
                        ENR-000003,1.00,,
                        ENR-000004,1.00,,
                        ENR-000005,2.00,,
                        ENR-000006,2.00,,
                        ENR-000007,3.00,PAY-E-7,HANGZHOU
                        """);
                Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("short.csv"));

                assertThat(rows.get("ENR-000001").get("status")).isEqualTo("ACCEPTED");
                assertThat(bundle.journal().entries("alipay-plus.declare")).anySatisfy(e -> assertThat(e.request())
                        .contains("ENR-000001", "PAY-E-1", "ZONGSHU", "\"value\":\"9999\"", "Li Lei"));
                assertThat(rows.get("ENR-000002").get("status")).isEqualTo("INVALID");
                assertThat(rows.get("ENR-000002").get("message")).isEqualTo("short.csv line 3: lookup "
                        + erp.url("/orders/ENR-000002") + ": the answer is not JSON; paymentId: required; "
                        + "customsCode: required");
                assertThat(rows.get("ENR-000003").get("message")).startsWith("short.csv line 4: lookup "
                        + erp.url("/orders/ENR-000003") + ": the answer has no customsCode");
                assertThat(rows.get("ENR-000004").get("message")).startsWith("short.csv line 5: lookup "
                        + erp.url("/orders/ENR-000004") + ": HTTP 404");
                assertThat(rows.get("ENR-000005").get("status")).isEqualTo("ACCEPTED");
                assertThat(erp.lookups("/orders/ENR-000005")).isEqualTo(3);
                assertThat(rows.get("ENR-000006").get("message")).startsWith("short.csv line 7: lookup "
                        + erp.url("/orders/ENR-000006") + ": HTTP 503 (after 3 attempts)");
                assertThat(rows.get("ENR-000007").get("status")).isEqualTo("ACCEPTED");
                assertThat(erp.lookups("/orders/ENR-000007")).isZero();

                // the same order again within cache-ttl: answered from the cache, reported from the ledger
                inbox.drop("again.csv", "declarationRequestId\nENR-000001\n");
                assertThat(inbox.awaitResults("again.csv").get(0).get("message")).startsWith("already declared");
                assertThat(erp.lookups("/orders/ENR-000001")).isEqualTo(1);
            }
        }
    }
}
