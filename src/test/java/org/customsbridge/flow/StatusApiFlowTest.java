package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status API over real HTTP, after a real file went through the simulator and customs answered. */
class StatusApiFlowTest {

    private static final String BUYER_ID_NO = "110101199003077777";

    @TempDir
    Path root;

    @Test
    void declarationsWithHistoryPagesAndClearErrors() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.simulator.customs-delay", "1s",
                "customs.tracking.poll-interval", "500ms"))) {
            Http http = bundle.http();
            inbox.drop("orders.csv", """
                    declarationRequestId,paymentId,customsCode,amount,buyerName,buyerIdNo
                    API-0001,2026112422001300000000000001,ZONGSHU,1.00,Zhang San,%s
                    API-0002,2026112422001300000000000002,ZONGSHU,2.00,,
                    API-0003,2026112422001300000000000003,ZONGSHU,3.00,,
                    API-0004,2026112422001300000000000004,ZONGSHU,1.234,,
                    """.formatted(BUYER_ID_NO));
            assertThat(inbox.awaitResults("orders.csv")).hasSize(4);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/declarations?status=CUSTOMS_ACCEPTED")
                    .json().get("total").asLong() == 3);

            Http.Answer one = http.get("/api/declarations/API-0001");
            assertThat(one.status()).isEqualTo(200);
            JsonNode row = one.json();
            assertThat(row.get("declarationRequestId").asText()).isEqualTo("API-0001");
            assertThat(row.get("paymentId").asText()).isEqualTo("2026112422001300000000000001");
            assertThat(row.get("gateway").asText()).isEqualTo("alipay-plus");
            assertThat(row.get("status").asText()).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(row.get("code").asText()).isEqualTo("SUCCESS");
            assertThat(row.get("alipayDeclarationId").asText()).isNotBlank();
            assertThat(row.get("customsResultCode").asText()).isEqualTo("120");
            assertThat(Instant.parse(row.get("customsResultAt").asText())).isBefore(Instant.now());
            assertThat(row.get("attempts").asInt()).isEqualTo(1);
            assertThat(row.get("source").asText()).endsWith("orders.csv");
            assertThat(row.get("sourceLine").asLong()).isEqualTo(2);
            assertThat(row.has("createdAt")).isTrue();
            assertThat(row.has("updatedAt")).isTrue();
            List<String> changes = new ArrayList<>();
            Instant previous = Instant.MIN;
            for (JsonNode change : row.get("history")) {
                changes.add(change.path("from").asText("-") + ">" + change.get("to").asText());
                Instant at = Instant.parse(change.get("at").asText());
                assertThat(at).isAfterOrEqualTo(previous);
                previous = at;
            }
            assertThat(changes.get(0)).isEqualTo("->ACCEPTED");
            assertThat(changes.get(changes.size() - 1)).endsWith(">CUSTOMS_ACCEPTED");
            // the buyer's identity stays in the ledger
            assertThat(one.body()).doesNotContain(BUYER_ID_NO).doesNotContain("Zhang San")
                    .doesNotContainIgnoringCase("requestFields").doesNotContain("buyer");

            JsonNode invalid = http.get("/api/declarations/API-0004").json();
            assertThat(invalid.get("status").asText()).isEqualTo("INVALID");
            assertThat(invalid.get("message").asText()).contains("amount");

            Http.Answer missing = http.get("/api/declarations/NO-SUCH-ID");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("not found");
            assertThat(missing.json().get("declarationRequestId").asText()).isEqualTo("NO-SUCH-ID");

            JsonNode first = http.get("/api/declarations?status=CUSTOMS_ACCEPTED&page=0&size=2").json();
            assertThat(first.get("total").asLong()).isEqualTo(3);
            assertThat(first.get("items")).hasSize(2);
            assertThat(first.get("items").get(0).has("history")).isFalse();
            JsonNode second = http.get("/api/declarations?status=customs_accepted&page=1&size=2").json();
            assertThat(second.get("items")).hasSize(1);
            List<Instant> updated = new ArrayList<>();
            first.get("items").forEach(i -> updated.add(Instant.parse(i.get("updatedAt").asText())));
            second.get("items").forEach(i -> updated.add(Instant.parse(i.get("updatedAt").asText())));
            assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(http.get("/api/declarations").json().get("total").asLong()).isEqualTo(4);
            assertThat(http.get("/api/declarations?since=2000-01-01T00:00:00Z").json().get("total").asLong())
                    .isEqualTo(4);
            assertThat(http.get("/api/declarations?since=2999-01-01T00:00:00%2B08:00").json().get("total").asLong())
                    .isZero();
            assertThat(http.get("/api/declarations?since=2999-01-01").json().get("total").asLong()).isZero();

            assertBadParameter(http.get("/api/declarations?status=DONE"), "status");
            assertBadParameter(http.get("/api/declarations?since=yesterday"), "since");
            assertBadParameter(http.get("/api/declarations?size=501"), "size");
            assertBadParameter(http.get("/api/declarations?size=abc"), "size");
            assertBadParameter(http.get("/api/declarations?page=-1"), "page");

            Http.Answer docs = http.get("/v3/api-docs");
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.json().get("paths").has("/api/declarations/{declarationRequestId}")).isTrue();
            assertThat(docs.json().get("paths").has("/api/declarations")).isTrue();
            assertThat(docs.body()).doesNotContain("/simulator");
            Http.Answer ui = http.get("/swagger-ui.html");
            assertThat(ui.status()).isEqualTo(200);
            assertThat(ui.body()).containsIgnoringCase("swagger");
        }
    }

    private static void assertBadParameter(Http.Answer answer, String parameter) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
        assertThat(answer.json().get("message").asText()).startsWith(parameter + ":");
    }
}
