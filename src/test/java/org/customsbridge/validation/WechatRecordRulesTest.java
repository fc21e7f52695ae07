package org.customsbridge.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules a record for WeChat Pay ({@code gateway=wechat}) adds: order number, fees in whole fen, their sum. */
class WechatRecordRulesTest {

    private final RecordValidator validator = new RecordValidator("alipay-plus");

    static Map<String, String> split() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("declarationRequestId", "WX-20261124-0001");
        fields.put("paymentId", "1000320306201511078440737890");
        fields.put("customsCode", "HANGZHOU_ZS");
        fields.put("merchantCustomsCode", "3301234567");
        fields.put("merchantCustomsName", "jwyhanguo_card");
        fields.put("amount", "123.45");
        fields.put("split", "true");
        fields.put("subOrderId", "SUB-1");
        fields.put("gateway", "wechat");
        fields.put("merchantOrderNo", "20150806125346");
        fields.put("productFee", "110.45");
        fields.put("transportFee", "13");
        fields.put("duty", "0.01");
        return fields;
    }

    private Object validate(Map<String, String> fields) {
        return validator.validate(new RawRecord("orders.csv", 7, 3, fields, null));
    }

    private String refusal(Map<String, String> fields) {
        Object result = validate(fields);
        assertThat(result).isInstanceOf(InvalidRecord.class);
        return ((InvalidRecord) result).message();
    }

    @Test
    void aSplitWechatRecordKeepsItsFeesExactly() {
        Declaration declaration = (Declaration) validate(split());

        assertThat(declaration.gateway()).isEqualTo("wechat");
        assertThat(declaration.merchantOrderNo()).isEqualTo("20150806125346");
        assertThat(Declaration.fen(declaration.productFee())).isEqualTo(11045);
        assertThat(Declaration.fen(declaration.transportFee())).isEqualTo(1300);
        assertThat(Declaration.fen(declaration.duty())).isEqualTo(1);
        assertThat(declaration.amountInFen()).isEqualTo(12345);
    }

    @Test
    void anUnsplitWechatRecordNeedsNoFees() {
        Map<String, String> fields = split();
        fields.remove("split");
        fields.remove("subOrderId");
        fields.remove("productFee");
        fields.remove("transportFee");
        fields.remove("duty");

        Declaration declaration = (Declaration) validate(fields);

        assertThat(declaration.productFee()).isNull();
        assertThat(declaration.duty()).isNull();
    }

    @Test
    void theOrderNumberIsRequired() {
        Map<String, String> fields = split();
        fields.remove("merchantOrderNo");

        assertThat(refusal(fields)).isEqualTo("orders.csv line 7: merchantOrderNo: required for gateway wechat"
                + " (the payment's out_trade_no)");
    }

    @Test
    void theOrderNumberKeepsToWechatsCharacters() {
        Map<String, String> fields = split();
        fields.put("merchantOrderNo", "ORDER 1");

        assertThat(refusal(fields)).contains("merchantOrderNo \"ORDER 1\": 1 to 32 characters of 0-9 A-Z a-z _ - * @ |");
    }

    @Test
    void aSplitRecordNeedsBothFees() {
        Map<String, String> fields = split();
        fields.remove("productFee");
        fields.remove("transportFee");

        assertThat(refusal(fields)).isEqualTo("orders.csv line 7: "
                + "productFee: required for a split declaration through gateway wechat; "
                + "transportFee: required for a split declaration through gateway wechat");
    }

    @Test
    void theFeesAddUpToTheAmount() {
        Map<String, String> fields = split();
        fields.put("transportFee", "13.01");

        assertThat(refusal(fields)).isEqualTo("orders.csv line 7: amount \"123.45\": must equal productFee"
                + " + transportFee (123.46) for gateway wechat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"productFee", "transportFee", "duty"})
    void aFractionOfAFenIsRefusedNamingTheField(String field) {
        Map<String, String> fields = split();
        fields.put(field, "0.005");

        assertThat(refusal(fields)).contains(field + " \"0.005\": at most 2 decimals (whole fen)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1,5", "abc"})
    void aFeeIsANumberOfYuan(String value) {
        Map<String, String> fields = split();
        fields.put("duty", value);

        assertThat(refusal(fields)).contains("duty \"" + value + "\": a number of yuan such as 12.30");
    }

    @Test
    void thePaymentIdIsWechatsTransactionId() {
        Map<String, String> fields = split();
        fields.put("paymentId", "PAY-20261124-0001");

        assertThat(refusal(fields)).contains("paymentId \"PAY-20261124-0001\": WeChat's transaction_id, 28 digits");
    }

    @Test
    void theCustomsCodeIsWechatsUpperCaseOne() {
        Map<String, String> fields = split();
        fields.put("customsCode", "hangzhou");

        assertThat(refusal(fields)).contains("customsCode \"hangzhou\": an upper-case WeChat customs code");
    }

    @Test
    void otherGatewaysIgnoreTheWechatFields() {
        Map<String, String> fields = split();
        fields.put("gateway", "mapi");
        fields.put("paymentId", "2026112422001");
        fields.put("transportFee", "99");

        Declaration declaration = (Declaration) validate(fields);

        assertThat(declaration.merchantOrderNo()).isNull();
        assertThat(declaration.productFee()).isNull();
        assertThat(declaration.fields()).doesNotContainKeys("merchantOrderNo", "productFee", "transportFee", "duty");
        assertThat(declaration.amount()).isEqualByComparingTo(new BigDecimal("123.45"));
    }
}
