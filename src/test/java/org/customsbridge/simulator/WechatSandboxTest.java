package org.customsbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.customsbridge.record.Declaration;
import org.customsbridge.signing.WechatSigner;
import org.customsbridge.testsupport.Declarations;
import org.customsbridge.testsupport.MutableClock;
import org.customsbridge.wechat.WechatAccount;
import org.customsbridge.wechat.WechatApi;
import org.customsbridge.wechat.WechatDeclareRequestMapper;
import org.customsbridge.wechat.WechatOrder;
import org.customsbridge.wechat.WechatQueryRequestMapper;
import org.customsbridge.wechat.WechatRedeclareRequestMapper;
import org.customsbridge.wechat.WechatRequestSigner;
import org.customsbridge.xml.FlatXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WeChat Pay sandbox as plain Java, driven by the bundle's own WeChat classes, with a clock the test moves. */
class WechatSandboxTest {

    static final String KEY = "demokeyfordocsonly0123456789abcd";
    static final WechatAccount ACCOUNT = new WechatAccount("wxd678efh567hg6787", "1230000109");

    private MutableClock clock;
    private SimulatorJournal journal;
    private WechatSandbox sandbox;
    private final WechatRequestSigner signer = new WechatRequestSigner(new WechatSigner(KEY), () -> "", true);

    @BeforeEach
    void sandbox() {
        clock = new MutableClock(Instant.parse("2026-11-24T02:15:30Z"));
        journal = new SimulatorJournal(clock);
        SimulatorRules rules = new SimulatorRules(Map.of("rejected", new SimulatorSettings.Rule("REJ-", null, 0,
                "reject")));
        sandbox = new WechatSandbox(ACCOUNT.appId(), ACCOUNT.mchId(), KEY,
                new SimulatedDeclarations(clock, Duration.ofSeconds(10), rules), journal, "UNPAID-");
    }

    static Declaration split(String orderNo, String subOrderId, String amount, String product, String transport) {
        return new Declaration("WX-" + subOrderId, "1000320306201511078440737890", "HANGZHOU_ZS", "3301234567", null,
                new BigDecimal(amount), true, subOrderId, null, null, "wechat", orderNo, new BigDecimal(product),
                new BigDecimal(transport), null);
    }

    private Map<String, String> declare(Declaration declaration, String action) throws Exception {
        Map<String, String> params = new WechatDeclareRequestMapper(() -> ACCOUNT).toParams(declaration, action);
        return answer(WechatApi.DECLARE_PATH, FlatXml.write("xml", signer.signed(params)));
    }

    private Map<String, String> query(String orderNo) throws Exception {
        Map<String, String> params = new WechatQueryRequestMapper(() -> ACCOUNT)
                .toParams(new WechatOrder(orderNo, "HANGZHOU_ZS", Map.of()));
        return answer(WechatApi.QUERY_PATH, FlatXml.write("xml", signer.signed(params)));
    }

    private Map<String, String> redeclare(Declaration declaration) throws Exception {
        Map<String, String> params = new WechatRedeclareRequestMapper(() -> ACCOUNT).toParams(declaration);
        return answer(WechatApi.REDECLARE_PATH, FlatXml.write("xml", signer.signed(params)));
    }

    /** The answer's fields, after checking it is signed with the shared key. */
    private Map<String, String> answer(String path, String body) throws Exception {
        Map<String, String> answer = FlatXml.read(sandbox.handle(path, body), "xml");
        assertThat(new WechatSigner(KEY).verify(answer, answer.get("sign"))).as("signed answer %s", answer).isTrue();
        return answer;
    }

    @Test
    void declaresIdempotentlyAndRefusesChangedDataWithAddButTakesModify() throws Exception {
        Map<String, String> first = declare(split("ORDER-1", "SUB-1", "100.00", "90.00", "10.00"), "ADD");
        assertThat(first).containsEntry("result_code", "SUCCESS").containsEntry("state", "SUBMITTED")
                .containsEntry("sub_order_no", "SUB-1").containsKey("sub_order_id");

        Map<String, String> again = declare(split("ORDER-1", "SUB-1", "100.00", "90.00", "10.00"), "ADD");
        assertThat(again).containsEntry("result_code", "SUCCESS")
                .containsEntry("sub_order_id", first.get("sub_order_id"));

        Map<String, String> changed = declare(split("ORDER-1", "SUB-1", "110.00", "100.00", "10.00"), "ADD");
        assertThat(changed).containsEntry("result_code", "FAIL").containsEntry("err_code", "INVALID_REQUEST");

        Map<String, String> modified = declare(split("ORDER-1", "SUB-1", "110.00", "100.00", "10.00"), "MODIFY");
        assertThat(modified).containsEntry("result_code", "SUCCESS")
                .containsEntry("sub_order_id", first.get("sub_order_id"));
        assertThat(journal.entries("wechat.declare")).extracting(SimulatorJournal.Entry::resultCode)
                .containsExactly("SUCCESS", "SUCCESS", "INVALID_REQUEST", "SUCCESS");
    }

    @Test
    void redeclaresOnlyWhatCustomsHasAnsweredAndAsksCustomsAgain() throws Exception {
        Declaration declaration = split("ORDER-RE", "SUB-1", "100.00", "90.00", "10.00");
        assertThat(redeclare(declaration)).containsEntry("err_code", "ORDERNOTEXIST");
        declare(declaration, "ADD");

        assertThat(redeclare(declaration)).containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "INVALID_REQUEST")
                .containsEntry("err_code_des", "only a declaration in state SUCCESS or EXCEPT can be re-declared, "
                        + "this one is SUBMITTED");
        clock.advance(Duration.ofSeconds(10));
        assertThat(query("ORDER-RE")).containsEntry("state_0", "SUCCESS");
        assertThat(redeclare(Declarations.with(declaration, "merchantCustomsCode", "3309999999"))).containsEntry("err_code", "INVALID_REQUEST");

        Map<String, String> redeclared = redeclare(declaration);

        assertThat(redeclared).containsEntry("result_code", "SUCCESS").containsEntry("state", "SUBMITTED")
                .containsEntry("out_trade_no", "ORDER-RE").containsEntry("sub_order_no", "SUB-1");
        assertThat(query("ORDER-RE")).containsEntry("state_0", "SUBMITTED");
        clock.advance(Duration.ofSeconds(10));
        assertThat(query("ORDER-RE")).containsEntry("state_0", "SUCCESS");
        assertThat(journal.entries("wechat.redeclare")).extracting(SimulatorJournal.Entry::resultCode)
                .containsExactly("ORDERNOTEXIST", "INVALID_REQUEST", "INVALID_REQUEST", "SUCCESS");
    }

    @Test
    void refusesWhatWechatDocumentsAsParameterErrors() throws Exception {
        assertThat(declare(split("ORDER-2", "SUB-1", "100.00", "90.00", "9.99"), "ADD"))
                .containsEntry("err_code", "PARAM_ERROR")
                .containsEntry("err_code_des", "order_fee must equal product_fee + transport_fee");
        assertThat(declare(split("UNPAID-3", "SUB-1", "1.00", "1.00", "0"), "ADD"))
                .containsEntry("err_code", "PARAM_ERROR");
        assertThat(declare(split("ORDER-4", "SUB-1", "1.00", "1.00", "0"), "MODIFY"))
                .containsEntry("err_code", "INVALID_REQUEST");
    }

    @Test
    void refusesABadSignatureUnsigned() {
        Map<String, String> params = new WechatDeclareRequestMapper(() -> ACCOUNT)
                .toParams(split("ORDER-5", "SUB-1", "1.00", "1.00", "0"));
        Map<String, String> signed = new WechatRequestSigner(new WechatSigner("another-key"), () -> "", true)
                .signed(params);

        String answer = sandbox.handle(WechatApi.DECLARE_PATH, FlatXml.write("xml", signed));

        assertThat(answer).isEqualTo("<xml><return_code><![CDATA[FAIL]]></return_code>"
                + "<return_msg><![CDATA[signature error]]></return_msg></xml>");
    }

    @Test
    void aQueryAnswersEverySubOrderOfTheOrderAndCustomsDecidesAfterItsDelay() throws Exception {
        declare(split("ORDER-6", "SUB-1", "100.00", "90.00", "10.00"), "ADD");
        declare(split("ORDER-6", "SUB-2", "20.00", "20.00", "0"), "ADD");
        declare(split("REJ-7", "SUB-1", "5.00", "5.00", "0"), "ADD");

        Map<String, String> pending = query("ORDER-6");
        assertThat(pending).containsEntry("count", "2").containsEntry("sub_order_no_0", "SUB-1")
                .containsEntry("order_fee_0", "10000").containsEntry("product_fee_0", "9000")
                .containsEntry("state_0", "SUBMITTED").containsEntry("sub_order_no_1", "SUB-2")
                .containsEntry("state_1", "SUBMITTED");

        clock.advance(Duration.ofSeconds(10));
        assertThat(query("ORDER-6")).containsEntry("state_0", "SUCCESS").containsEntry("state_1", "SUCCESS");
        assertThat(query("REJ-7")).containsEntry("state_0", "FAIL").containsKey("explanation_0");
        assertThat(query("ORDER-UNKNOWN")).containsEntry("result_code", "FAIL").containsEntry("err_code",
                "ORDERNOTEXIST");
    }

    @Test
    void beyondItsMemoryTheOldestSubOrderIsForgottenAndAQueryNoLongerFindsIt() throws Exception {
        sandbox = new WechatSandbox(ACCOUNT.appId(), ACCOUNT.mchId(), KEY,
                new SimulatedDeclarations(clock, Duration.ofSeconds(10), SimulatorRules.none(), 2), journal, "UNPAID-");
        declare(split("ORDER-8", "SUB-1", "1.00", "1.00", "0"), "ADD");
        declare(split("ORDER-8", "SUB-2", "2.00", "2.00", "0"), "ADD");
        declare(split("ORDER-9", "SUB-1", "3.00", "3.00", "0"), "ADD");

        assertThat(query("ORDER-8")).containsEntry("count", "1").containsEntry("sub_order_no_0", "SUB-2");
        assertThat(query("ORDER-9")).containsEntry("count", "1");

        declare(split("ORDER-10", "SUB-1", "4.00", "4.00", "0"), "ADD");
        assertThat(query("ORDER-8")).containsEntry("err_code", "ORDERNOTEXIST");
    }
}
