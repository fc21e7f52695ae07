package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WeChat Pay end to end through the simulator over real HTTP: XML signed MD5 each way, amounts in
 * fen, one query per order whose records go each to its own sub-order's row, customs' verdicts, a
 * changed record sent as {@code MODIFY}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WechatFlowTest {

    private static final String HEADER = "declarationRequestId,paymentId,customsCode,merchantCustomsCode,"
            + "merchantCustomsName,amount,split,subOrderId,merchantOrderNo,productFee,transportFee,duty,buyerName,"
            + "buyerIdNo,gateway\n";

    @TempDir
    Path root;

    @Test
    void aSplitPaymentIsDeclaredAndEachSubOrderTrackedToItsCustomsOutcome() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.gateway", "wechat",
                "customs.simulator.customs-delay", "2s", "customs.tracking.poll-interval", "1s",
                "customs.simulator.rules.rejected.prefix", "WXREJ", "customs.simulator.rules.rejected.customs", "reject"))) {
            inbox.drop("orders.csv", HEADER
                    + "WX-0001,1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,100.00,true,SUB-1,ORDER-1,"
                    + "90.00,10.00,1.50,张三,330821198809085211,\n"
                    + "WX-0002,1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,23.45,true,SUB-2,ORDER-1,"
                    + "23.45,0,,,,\n"
                    + "WX-0003,1000320306201511078440737891,NINGBO,3301234567,shop,0.01,false,,WXREJ-2,,,,,,\n"
                    + "WX-0004,1000320306201511078440737892,NINGBO,3301234567,shop,1.00,false,,UNPAID-3,,,,,,\n"
                    + "WX-0005,1000320306201511078440737893,NINGBO,3301234567,shop,1.00,true,SUB-5,ORDER-5,0.99,0,,,,\n");
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("orders.csv"));

            assertThat(rows.get("WX-0001").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("WX-0001").get("gateway")).isEqualTo("wechat");
            assertThat(rows.get("WX-0001").get("alipayDeclarationId")).isNotEmpty();
            assertThat(rows.get("WX-0002").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("WX-0003").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("WX-0003").get("alipayDeclarationId")).isEqualTo("1000320306201511078440737891");
            assertThat(rows.get("WX-0004").get("status")).isEqualTo("DECLARE_FAILED");
            assertThat(rows.get("WX-0004").get("code")).isEqualTo("PARAM_ERROR");
            assertThat(rows.get("WX-0005").get("status")).isEqualTo("INVALID");
            assertThat(rows.get("WX-0005").get("message")).contains("amount \"1.00\": must equal productFee + transportFee");
            assertThat(bundle.journal().entries("wechat.declare")).hasSize(4)
                    .anySatisfy(e -> assertThat(e.request()).contains("order_fee=10000", "product_fee=9000",
                            "transport_fee=1000", "duty=150", "sub_order_no=SUB-1", "out_trade_no=ORDER-1",
                            "fee_type=CNY", "cert_type=IDCARD", "sign_type=MD5", "appid=wxd678efh567hg6787"))
                    .anySatisfy(e -> assertThat(e.request()).contains("order_fee=1", "customs=NINGBO")
                            .doesNotContain("sub_order_no"));
            assertThat(bundle.journal().entries("alipay-plus.declare")).isEmpty();

            JdbcTemplate jdbc = bundle.jdbc();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from declaration"
                    + " where status in ('CUSTOMS_ACCEPTED', 'CUSTOMS_REJECTED')", Integer.class) == 3);
            assertThat(status(jdbc, "WX-0001")).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(status(jdbc, "WX-0002")).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(status(jdbc, "WX-0003")).isEqualTo("CUSTOMS_REJECTED");
            assertThat(jdbc.queryForObject("select customs_result_message from declaration"
                    + " where declaration_request_id = 'WX-0003'", String.class)).contains("rejected by customs");
            // WeChat is asked per order: the two sub-orders of ORDER-1 share each query call
            assertThat(bundle.journal().entries("wechat.query")).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.id()).isIn("ORDER-1", "WXREJ-2"))
                    .allSatisfy(e -> assertThat(e.resultCode()).isEqualTo("SUCCESS"));
            assertThat(jdbc.queryForObject("select count(*) from status_event where gateway = 'wechat'"
                    + " and status in ('CUSTOMS_ACCEPTED', 'CUSTOMS_REJECTED')", Integer.class)).isEqualTo(3);
        }
    }

    @Test
    void theWechatSampleIsDeclaredThroughTheSimulator() throws Exception {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of())) {
            inbox.drop("orders-wechat.csv", Files.readString(Path.of("samples/orders-wechat.csv")));

            assertThat(inbox.awaitResults("orders-wechat.csv")).hasSize(4).allSatisfy(row -> {
                assertThat(row.get("status")).isEqualTo("ACCEPTED");
                assertThat(row.get("gateway")).isEqualTo("wechat");
            });
            assertThat(bundle.journal().entries("wechat.declare")).hasSize(4);
        }
    }

    @Test
    void oneFileMayMixAllThreeGateways() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of())) {
            inbox.drop("mixed.csv", HEADER
                    + "MIX-0001,PAY-M-1,ZONGSHU,hanguo,shop,1.00,false,,,,,,,,alipay-plus\n"
                    + "MIX-0002,2026112422001300000000000002,ZONGSHU,hanguo,shop,2.00,false,,,,,,,,mapi\n"
                    + "MIX-0003,1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,3.00,false,,ORDER-M3,,,,,,wechat\n"
                    + "MIX-0004,PAY-M-4,ZONGSHU,hanguo,shop,4.00,false,,,,,,,,\n");
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("mixed.csv"));

            assertThat(rows.values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ACCEPTED"));
            assertThat(rows.get("MIX-0003").get("gateway")).isEqualTo("wechat");
            assertThat(rows.get("MIX-0004").get("gateway")).isEqualTo("alipay-plus");
            assertThat(bundle.journal().entries("alipay-plus.declare")).hasSize(2);
            assertThat(bundle.journal().entries("mapi.declare")).hasSize(1);
            assertThat(bundle.journal().entries("wechat.declare")).hasSize(1)
                    .allSatisfy(e -> assertThat(e.request()).contains("order_fee=300", "out_trade_no=ORDER-M3"));
        }
    }

    @Test
    void aChangedRecordIsModifiedAtWechatOnlyWhereWechatAllowsIt() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.retransmission-wait", "0s",
                "customs.tracking.poll-interval", "1d"))) {
            inbox.drop("first.csv", HEADER
                    + "WXMOD-0001,1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,100.00,true,SUB-1,ORDER-MOD,"
                    + "90.00,10.00,,,,wechat\n");
            assertThat(inbox.awaitResults("first.csv").get(0).get("status")).isEqualTo("ACCEPTED");
            String wechatId = inbox.awaitResults("first.csv").get(0).get("alipayDeclarationId");

            inbox.drop("second.csv", HEADER
                    + "WXMOD-0001,1000320306201511078440737890,HANGZHOU_ZS,3301234568,shop,120.00,true,SUB-1,ORDER-MOD,"
                    + "100.00,20.00,5.00,,,wechat\n");
            CSVRecord modified = inbox.awaitResults("second.csv").get(0);
            assertThat(modified.get("status")).isEqualTo("ACCEPTED");
            assertThat(modified.get("alipayDeclarationId")).isEqualTo(wechatId);

            inbox.drop("third.csv", HEADER
                    + "WXMOD-0001,1000320306201511078440737890,NINGBO,3301234568,shop,120.00,true,SUB-1,ORDER-MOD,"
                    + "100.00,20.00,5.00,,,wechat\n");
            CSVRecord moved = inbox.awaitResults("third.csv").get(0);
            assertThat(moved.get("status")).isEqualTo("INVALID");
            assertThat(moved.get("code")).isEqualTo("CHANGED_AFTER_DECLARATION");
            assertThat(moved.get("message")).contains("different customsCode, which may not change");

            assertThat(bundle.journal().entries("wechat.declare")).hasSize(2)
                    .satisfiesExactly(
                            first -> assertThat(first.request()).contains("action_type=ADD", "order_fee=10000"),
                            second -> assertThat(second.request()).contains("action_type=MODIFY", "order_fee=12000",
                                    "product_fee=10000", "transport_fee=2000", "duty=500",
                                    "mch_customs_no=3301234568"))
                    .allSatisfy(e -> assertThat(e.resultCode()).isEqualTo("SUCCESS"));
        }
    }

    @Test
    void aSecondIdForOneOrderIsInvalidAndOnlyTheFirstIsSent() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.tracking.poll-interval", "1d"))) {
            String order = ",1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,100.00,false,,ORDER-TWICE,,,,,,"
                    + "wechat\n";
            inbox.drop("twice.csv", HEADER + "WXTWICE-0001" + order + "WXTWICE-0002" + order);
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("twice.csv"));

            // the two records race for the order: either may win, the other names it
            assertThat(rows.values()).extracting(row -> row.get("status"))
                    .containsExactlyInAnyOrder("ACCEPTED", "INVALID");
            CSVRecord refused = rows.values().stream().filter(row -> row.get("status").equals("INVALID"))
                    .findFirst().orElseThrow();
            String winner = refused.get("declarationRequestId").equals("WXTWICE-0001") ? "WXTWICE-0002"
                    : "WXTWICE-0001";
            assertThat(refused.get("code")).isEqualTo("INVALID_RECORD");
            assertThat(refused.get("message")).startsWith("twice.csv line " + refused.get("line")
                    + ": merchantOrderNo \"ORDER-TWICE\" (unsplit) at customsCode \"HANGZHOU_ZS\" is declared already, "
                    + "by declarationRequestId \"" + winner + "\"");
            assertThat(bundle.journal().entries("wechat.declare")).hasSize(1);

            inbox.drop("again.csv", HEADER + "WXTWICE-0003" + order.replace("100.00", "120.00"));
            CSVRecord again = inbox.awaitResults("again.csv").get(0);
            assertThat(again.get("status")).isEqualTo("INVALID");
            assertThat(again.get("message")).contains("by declarationRequestId \"" + winner + "\"");
            assertThat(bundle.journal().entries("wechat.declare")).hasSize(1);
            assertThat(bundle.jdbc().queryForList("select status from status_event where declaration_request_id"
                    + " = 'WXTWICE-0003'", String.class)).containsExactly("INVALID");
        }
    }

    @Test
    void anOperatorHasWechatPushADeclarationToCustomsAgain() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.simulator.customs-delay", "1s",
                "customs.tracking.poll-interval", "1s"))) {
            inbox.drop("orders.csv", HEADER
                    + "WXRE-0001,1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,100.00,true,SUB-1,ORDER-RE,"
                    + "90.00,10.00,,张三,330821198809085211,wechat\n"
                    + "WXRE-0002,PAY-RE-2,ZONGSHU,hanguo,shop,1.00,false,,,,,,,,alipay-plus\n");
            assertThat(inbox.awaitResults("orders.csv")).allSatisfy(row ->
                    assertThat(row.get("status")).isEqualTo("ACCEPTED"));
            Http http = bundle.http();
            JdbcTemplate jdbc = bundle.jdbc();

            // before customs has answered there is nothing to push again
            Http.Answer early = http.post("/api/declarations/WXRE-0001/redeclare");
            if (!"CUSTOMS_ACCEPTED".equals(status(jdbc, "WXRE-0001"))) {
                assertThat(early.status()).isEqualTo(409);
                assertThat(early.json().get("message").asText()).startsWith("only a declaration whose customs state"
                        + " is EXCEPT or SUCCESS can be re-declared");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> "CUSTOMS_ACCEPTED".equals(status(jdbc, "WXRE-0001")));

            Http.Answer redeclared = http.post("/api/declarations/WXRE-0001/redeclare");

            assertThat(redeclared.status()).isEqualTo(200);
            assertThat(redeclared.json().get("result").asText()).isEqualTo("REDECLARED");
            assertThat(redeclared.json().get("message").asText())
                    .isEqualTo("re-declared to customs HANGZHOU_ZS on an operator's request; state=SUBMITTED");
            assertThat(bundle.journal().entries("wechat.redeclare")).singleElement().satisfies(e -> {
                assertThat(e.resultCode()).isEqualTo("SUCCESS");
                assertThat(e.request()).contains("out_trade_no=ORDER-RE", "sub_order_no=SUB-1", "customs=HANGZHOU_ZS",
                        "mch_customs_no=3301234567", "sign_type=MD5").doesNotContain("order_fee", "cert_id", "name=");
            });
            // customs' verdict stays final; the event tells the ERP what was done
            assertThat(status(jdbc, "WXRE-0001")).isEqualTo("CUSTOMS_ACCEPTED");
            assertThat(jdbc.queryForList("select status || ' ' || result_code from status_event"
                    + " where declaration_request_id = 'WXRE-0001' order by id", String.class))
                    .endsWith("CUSTOMS_ACCEPTED REDECLARED");

            Http.Answer alipay = http.post("/api/declarations/WXRE-0002/redeclare");
            assertThat(alipay.status()).isEqualTo(409);
            assertThat(alipay.json().get("message").asText()).startsWith("gateway alipay-plus has no re-declaration");
            assertThat(http.post("/api/declarations/NO-SUCH-ID/redeclare").status()).isEqualTo(404);
            assertThat(http.as(TestLogins.VIEWER).post("/api/declarations/WXRE-0001/redeclare").status())
                    .isEqualTo(403);
            assertThat(bundle.journal().entries("wechat.redeclare")).hasSize(1);
        }
    }

    @Test
    void theApiKeyNeverShowsInTheDebugLogNorTheRequestsSent(CapturedOutput log) {
        String key = "wxSECRETatDEBUG0123456789abcdefZ";
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("logging.level.root", "DEBUG",
                "customs.wechat.api-key", key, "customs.simulator.wechat-api-key", key))) {
            inbox.drop("orders.csv", HEADER
                    + "WXKEY-0001,1000320306201511078440737890,HANGZHOU_ZS,3301234567,shop,1.00,false,,ORDER-K1,,,,,,wechat\n");

            assertThat(inbox.awaitResults("orders.csv").get(0).get("status")).isEqualTo("ACCEPTED");
            assertThat(bundle.journal().entries("wechat.declare")).singleElement()
                    .satisfies(e -> assertThat(e.request()).doesNotContain(key).doesNotContain("key="));
        }
        assertThat(log.getAll()).contains("DEBUG").doesNotContain(key)
                .doesNotContain("wxSECRETatDEBUG");
    }

    private static String status(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("select status from declaration where declaration_request_id = ?", String.class, id);
    }
}
