package org.customsbridge.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.record.Declaration;
import org.customsbridge.signing.WechatSigner;
import org.customsbridge.tracking.CustomsAnswer;
import org.customsbridge.xml.FlatXml;
import org.junit.jupiter.api.Test;

/** Request and answer mapping of WeChat Pay's declare and query calls, without Camel. */
class WechatMappingTest {

    static final WechatAccount ACCOUNT = new WechatAccount("wxd678efh567hg6787", "1230000109");
    private final WechatSigner signer = new WechatSigner(WechatSignatureTest.KEY);
    private final WechatAnswerVerifier verifier = new WechatAnswerVerifier(signer);

    static Declaration split(String id, String subOrderId) {
        return new Declaration(id, "1000320306201511078440737890", "HANGZHOU_ZS", "3301234567", "name", new BigDecimal(
                "123.45"), true, subOrderId, "张三", "330821198809085211x", "wechat", "20150806125346",
                new BigDecimal("110.45"), new BigDecimal("13"), new BigDecimal("0.01"));
    }

    private String signedXml(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("sign", signer.sign(signed));
        return FlatXml.write("xml", signed);
    }

    @Test
    void aDeclarationBecomesWechatFieldsWithAmountsInWholeFen() {
        Map<String, String> params = new WechatDeclareRequestMapper(() -> ACCOUNT).toParams(split("WX-1", "SUB-1"));

        assertThat(params).containsExactly(Map.entry("appid", "wxd678efh567hg6787"), Map.entry("mch_id", "1230000109"),
                Map.entry("out_trade_no", "20150806125346"),
                Map.entry("transaction_id", "1000320306201511078440737890"), Map.entry("customs", "HANGZHOU_ZS"),
                Map.entry("mch_customs_no", "3301234567"), Map.entry("action_type", "ADD"), Map.entry("duty", "1"),
                Map.entry("sub_order_no", "SUB-1"), Map.entry("fee_type", "CNY"), Map.entry("order_fee", "12345"),
                Map.entry("transport_fee", "1300"), Map.entry("product_fee", "11045"),
                Map.entry("cert_type", "IDCARD"), Map.entry("cert_id", "330821198809085211X"),
                Map.entry("name", "张三"));
    }

    @Test
    void anUnsplitDeclarationWithoutBuyerSendsNeitherSubOrderNorCertificate() {
        Declaration unsplit = new Declaration("WX-2", "1000320306201511078440737890", "NINGBO", "3301234567", "name",
                new BigDecimal("0.10"), false, null, null, null, "wechat", "ORDER-2", null, null, null);

        Map<String, String> params = new WechatDeclareRequestMapper(() -> ACCOUNT).toParams(unsplit);

        assertThat(params).containsEntry("order_fee", "10").containsEntry("fee_type", "CNY")
                .doesNotContainKeys("sub_order_no", "product_fee", "transport_fee", "duty", "cert_type", "cert_id",
                        "name");
    }

    @Test
    void theSignedRequestCarriesSignTypeAndSignature() {
        Map<String, String> signed = new WechatRequestSigner(signer, () -> "http://x", true)
                .signed(WechatSignatureTest.declareVector());

        assertThat(signed).containsEntry("sign_type", "MD5").containsEntry("sign", "A5C348AA02388899B2D17C568D8E195D");
        assertThat(new WechatRequestSigner(signer, () -> "http://x", false).signed(WechatSignatureTest.declareVector()))
                .doesNotContainKey("sign_type").containsEntry("sign", "80D8DDEF14ADEF4CEED7CE2EB859BC9E");
    }

    @Test
    void anAcceptedDeclarationKeepsWechatsIds() throws Exception {
        Map<String, String> answer = WechatSignatureTest.answerVector();
        answer.put("sub_order_no", "SUB-1");
        answer.put("sub_order_id", "4200000000201511070000000001");

        DeclareOutcome outcome = new WechatDeclareAnswerMapper().toOutcome(split("WX-1", "SUB-1"),
                verifier.verify(signedXml(answer)));

        assertThat(outcome).isEqualTo(new DeclareOutcome("WX-1", DeclarationStatus.ACCEPTED, "SUCCESS",
                "state=SUBMITTED, cert_check_result=SAME", "4200000000201511070000000001",
                "1000320306201511078440737890"));
    }

    @Test
    void theWorkedAnswerVerifiesAsItCame() throws Exception {
        Map<String, String> answer = WechatSignatureTest.answerVector();
        answer.put("sign", "B98C90C0D5EE7A6D70D3498F36C1447D");

        assertThat(verifier.verify(FlatXml.write("xml", answer)).field("state")).isEqualTo("SUBMITTED");
    }

    @Test
    void anAnswerForAnotherOrderIsNotThisDeclarations() throws Exception {
        Map<String, String> answer = WechatSignatureTest.answerVector();
        answer.put("out_trade_no", "another");

        assertThat(new WechatDeclareAnswerMapper().toOutcome(split("WX-1", "SUB-1"), verifier.verify(signedXml(answer)))
                .status()).isEqualTo(DeclarationStatus.UNKNOWN);
    }

    @Test
    void anAnswerThatDoesNotVerifyIsUntrusted() {
        Map<String, String> answer = WechatSignatureTest.answerVector();
        answer.put("sign", "B98C90C0D5EE7A6D70D3498F36C1447D");
        answer.put("state", "SUCCESS");

        assertThatThrownBy(() -> verifier.verify(FlatXml.write("xml", answer)))
                .isInstanceOf(NoTrustedAnswerException.class).extracting("code").isEqualTo("UNTRUSTED_ANSWER");
        answer.remove("sign");
        assertThatThrownBy(() -> verifier.verify(FlatXml.write("xml", answer)))
                .extracting("code").isEqualTo("UNSIGNED_ANSWER");
        assertThatThrownBy(() -> verifier.verify("<!DOCTYPE x><xml/>")).extracting("code")
                .isEqualTo("UNREADABLE_ANSWER");
    }

    @Test
    void aRefusedCallIsUnsignedAndFailsTheDeclaration() throws Exception {
        WechatAnswer refused = verifier.verify("<xml><return_code>FAIL</return_code><return_msg>signature error"
                + "</return_msg></xml>");

        DeclareOutcome outcome = new WechatDeclareAnswerMapper().toOutcome(split("WX-1", "SUB-1"), refused);

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.DECLARE_FAILED);
        assertThat(outcome.code()).isEqualTo("RETURN_FAIL");
        assertThat(outcome.message()).contains("signature error").contains("customs.wechat.api-key");
    }

    @Test
    void businessFailuresFailExceptTransientOnes() throws Exception {
        WechatDeclareAnswerMapper mapper = new WechatDeclareAnswerMapper();
        for (String code : List.of("PARAM_ERROR", "INVALID_REQUEST", "NOAUTH", "SYSTEMERROR")) {
            Map<String, String> answer = new LinkedHashMap<>(Map.of("return_code", "SUCCESS", "result_code", "FAIL",
                    "err_code", code, "err_code_des", "why"));

            DeclareOutcome outcome = mapper.toOutcome(split("WX-1", "SUB-1"), verifier.verify(signedXml(answer)));

            assertThat(outcome.status()).isEqualTo(code.equals("SYSTEMERROR") ? DeclarationStatus.UNKNOWN
                    : DeclarationStatus.DECLARE_FAILED);
            assertThat(outcome.code()).isEqualTo(code);
            assertThat(outcome.message()).isEqualTo("why");
        }
    }

    @Test
    void theIdsOfABatchBecomeOneQueryPerOrderAndCustoms() {
        Map<String, Declaration> ledger = new HashMap<>();
        ledger.put("WX-1", split("WX-1", "SUB-1"));
        ledger.put("WX-2", split("WX-2", "SUB-2"));
        ledger.put("WX-3", new Declaration("WX-3", "1000320306201511078440737891", "NINGBO", "3301234567", "name",
                new BigDecimal("1"), false, null, null, null, "wechat", "ORDER-3", null, null, null));

        List<WechatOrder> orders = new WechatInquiries(id -> Optional.ofNullable(ledger.get(id)))
                .orders(List.of("WX-1", "WX-3", "WX-2", "PREFLIGHT-1"));

        assertThat(orders).containsExactly(
                new WechatOrder("20150806125346", "HANGZHOU_ZS", Map.of("SUB-1", "WX-1", "SUB-2", "WX-2")),
                new WechatOrder("ORDER-3", "NINGBO", Map.of("", "WX-3")),
                new WechatOrder("PREFLIGHT-1", "NO", Map.of("", "PREFLIGHT-1")));
        assertThat(new WechatQueryRequestMapper(() -> ACCOUNT).toParams(orders.get(0))).containsExactly(
                Map.entry("appid", "wxd678efh567hg6787"), Map.entry("mch_id", "1230000109"),
                Map.entry("out_trade_no", "20150806125346"), Map.entry("customs", "HANGZHOU_ZS"));
    }

    @Test
    void aMultiRecordAnswerUpdatesEachSubOrderByItsNumberNotItsPosition() throws Exception {
        WechatOrder order = new WechatOrder("20150806125346", "HANGZHOU_ZS",
                Map.of("SUB-1", "WX-1", "SUB-2", "WX-2", "SUB-3", "WX-3"));
        Map<String, String> answer = new LinkedHashMap<>(Map.of("return_code", "SUCCESS", "result_code", "SUCCESS",
                "transaction_id", "1000320306201511078440737890", "count", "3"));
        answer.putAll(Map.of("sub_order_no_0", "SUB-2", "state_0", "SUCCESS",
                "sub_order_no_1", "SUB-9", "state_1", "PROCESSING",
                "sub_order_no_2", "SUB-1", "state_2", "FAIL", "explanation_2", "payer not real-name"));

        List<CustomsAnswer> answers = new WechatQueryAnswerMapper().toAnswers(order, verifier.verify(signedXml(answer)));

        assertThat(answers).containsExactlyInAnyOrder(
                new CustomsAnswer("WX-2", true, "SUCCESS", null, "SUCCESS", DeclarationStatus.CUSTOMS_ACCEPTED),
                new CustomsAnswer("WX-1", true, "FAIL", "payer not real-name", "FAIL",
                        DeclarationStatus.CUSTOMS_REJECTED),
                CustomsAnswer.notFound("WX-3"));
    }

    @Test
    void anUnknownOrderIsNotFoundAndOtherFailuresFailTheQuery() throws Exception {
        WechatOrder order = new WechatOrder("PREFLIGHT-1", "NO", Map.of("", "PREFLIGHT-1"));
        Map<String, String> notFound = new LinkedHashMap<>(Map.of("return_code", "SUCCESS", "result_code", "FAIL",
                "err_code", "ORDERNOTEXIST"));

        assertThat(new WechatQueryAnswerMapper().toAnswers(order, verifier.verify(signedXml(notFound))))
                .containsExactly(CustomsAnswer.notFound("PREFLIGHT-1"));
        notFound.put("err_code", "NOAUTH");
        WechatAnswer noAuth = verifier.verify(signedXml(notFound));
        assertThatThrownBy(() -> new WechatQueryAnswerMapper().toAnswers(order, noAuth))
                .isInstanceOf(NoTrustedAnswerException.class).extracting("code").isEqualTo("NOAUTH");
    }

    @Test
    void statesMapOntoTheBundlesStatuses() {
        assertThat(WechatStates.statusOf("UNDECLARED")).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(WechatStates.statusOf("SUBMITTED")).isEqualTo(DeclarationStatus.CUSTOMS_PENDING);
        assertThat(WechatStates.statusOf("PROCESSING")).isEqualTo(DeclarationStatus.CUSTOMS_PENDING);
        assertThat(WechatStates.statusOf("EXCEPT")).isEqualTo(DeclarationStatus.CUSTOMS_PENDING);
        assertThat(WechatStates.statusOf("SUCCESS")).isEqualTo(DeclarationStatus.CUSTOMS_ACCEPTED);
        assertThat(WechatStates.statusOf("FAIL")).isEqualTo(DeclarationStatus.CUSTOMS_REJECTED);
        assertThat(WechatStates.statusOf("NEW_STATE")).isEqualTo(DeclarationStatus.CUSTOMS_PENDING);
    }
}
