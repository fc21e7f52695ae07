package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.testsupport.Failures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The legacy gateway end to end: form parameters signed each way, XML answers verified, over real HTTP. */
class MapiFlowTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "RSA", "RSA2"})
    void aFileIsDeclaredThroughMapiWithEachSignType(String signType) {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.gateway", "mapi", "customs.mapi.sign-type", signType))) {
            inbox.drop("orders.csv", "declarationRequestId,paymentId,customsCode,amount,split,subOrderId,buyerName,buyerIdNo\n"
                    + "MAPI-" + signType + "-1,2026112422001300000000000001,ZONGSHU,123.45,false,,张三,110101199003071234\n"
                    + "MAPI-" + signType + "-2,2026112422001300000000000002,HANGZHOU,10,true,SUB-2,,\n"
                    + "MAPI-" + signType + "-3,UNPAID-2026112422001300000000000003,ZONGSHU,1.00,false,,,\n");
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("orders.csv"));

            assertThat(rows.get("MAPI-" + signType + "-1").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("MAPI-" + signType + "-1").get("gateway")).isEqualTo("mapi");
            assertThat(rows.get("MAPI-" + signType + "-1").get("alipayDeclarationId")).isNotEmpty();
            assertThat(rows.get("MAPI-" + signType + "-2").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("MAPI-" + signType + "-3").get("status")).isEqualTo("DECLARE_FAILED");
            assertThat(rows.get("MAPI-" + signType + "-3").get("code")).isEqualTo("TRADE_NOT_EXIST");
            assertThat(bundle.journal().entries("mapi.declare")).hasSize(3)
                    .anySatisfy(e -> assertThat(e.request()).contains("amount=123.45", "is_split=F", "buyer_name=张三",
                            "partner=2088101568338364", "service=alipay.acquire.customs"))
                    .anySatisfy(e -> assertThat(e.request()).contains("amount=10.00", "is_split=T", "sub_out_biz_no=SUB-2"));
            assertThat(bundle.journal().entries("alipay-plus.declare")).isEmpty();
        }
    }

    @Test
    void eachRecordMayNameItsGateway() {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of())) {
            inbox.drop("mixed.csv", "declarationRequestId,paymentId,customsCode,amount,gateway\n"
                    + "MIXED-0001,PAY-X-1,ZONGSHU,1.00,mapi\n"
                    + "MIXED-0002,PAY-X-2,ZONGSHU,2.00,alipay-plus\n"
                    + "MIXED-0003,PAY-X-3,ZONGSHU,3.00,\n"
                    + "MIXED-0004,PAY-X-4,ZONGSHU,4.00,weixin\n");
            Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResults("mixed.csv"));
            assertThat(rows.get("MIXED-0001").get("gateway")).isEqualTo("mapi");
            assertThat(rows.get("MIXED-0001").get("status")).isEqualTo("ACCEPTED");
            assertThat(rows.get("MIXED-0002").get("gateway")).isEqualTo("alipay-plus");
            assertThat(rows.get("MIXED-0003").get("gateway")).isEqualTo("alipay-plus");
            assertThat(rows.get("MIXED-0004").get("status")).isEqualTo("INVALID");
            assertThat(rows.get("MIXED-0004").get("message")).contains("gateway \"weixin\": one of alipay-plus, mapi, wechat");
            assertThat(bundle.journal().entries("mapi.declare")).hasSize(1);
            assertThat(bundle.journal().entries("alipay-plus.declare")).hasSize(2);
        }
    }

    @Test
    void answersSignedByARuleNotAcceptedAreNeverTrusted() {
        Inbox inbox = Inbox.under(root);
        // the simulator signs the sorted pairs; accepting only the raw response text refuses them
        try (Bundle bundle = Bundle.start(root, Map.of("customs.gateway", "mapi",
                "customs.mapi.answer-signature", "response-text",
                "customs.retry.max-attempts", "2", "customs.retry.delay", "50ms"))) {
            inbox.drop("orders.csv", Inbox.csv("NARROW-0001,PAY-N-1,10.00"));
            CSVRecord row = inbox.awaitResults("orders.csv").get(0);

            assertThat(row.get("status")).isEqualTo("UNKNOWN");
            assertThat(row.get("code")).isEqualTo("UNTRUSTED_ANSWER");
            assertThat(row.get("message")).contains("customs.mapi.answer-signature=response-text");
            assertThat(bundle.journal().entries("mapi.declare")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.resultCode()).isEqualTo("SUCCESS"));
        }
    }

    @Test
    void anUnknownAnswerSignatureRuleStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.mapi.answer-signature", "sorted,raw")))
                .satisfies(e -> assertThat(Failures.messages(e)).anyMatch(m -> m.contains(
                        "customs.mapi.answer-signature")));
    }
}
