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

/** One test per record rule, plus reporting several broken rules at once. */
class RecordValidatorTest {

    private final RecordValidator validator = new RecordValidator("alipay-plus");

    static Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("declarationRequestId", "DEC-20261124-0001");
        fields.put("paymentId", "PAY-20261124-0001");
        fields.put("customsCode", "ZONGSHU");
        fields.put("merchantCustomsCode", "hanguo");
        fields.put("merchantCustomsName", "jwyhanguo_card");
        fields.put("amount", "123.45");
        return fields;
    }

    static RawRecord record(Map<String, String> fields) {
        return new RawRecord("orders.csv", 7, 3, fields, null);
    }

    static RawRecord with(String field, String value) {
        Map<String, String> fields = valid();
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return record(fields);
    }

    Declaration accepted(RawRecord record) {
        Object result = validator.validate(record);
        assertThat(result).as("validation result of %s", record.fields()).isInstanceOf(Declaration.class);
        return (Declaration) result;
    }

    InvalidRecord refused(RawRecord record) {
        Object result = validator.validate(record);
        assertThat(result).as("validation result of %s", record.fields()).isInstanceOf(InvalidRecord.class);
        InvalidRecord invalid = (InvalidRecord) result;
        assertThat(invalid.record()).isSameAs(record);
        assertThat(invalid.message()).startsWith("orders.csv line 7: ");
        return invalid;
    }

    @Test
    void validRecordBecomesADeclarationWithDefaults() {
        Declaration declaration = accepted(record(valid()));

        assertThat(declaration).isEqualTo(new Declaration("DEC-20261124-0001", "PAY-20261124-0001", "ZONGSHU",
                "hanguo", "jwyhanguo_card", new BigDecimal("123.45"), false, null, null, null, "alipay-plus"));
    }

    @Test
    void defaultGatewayComesFromTheConstructor() {
        assertThat(((Declaration) new RecordValidator("mapi").validate(record(valid()))).gateway()).isEqualTo("mapi");
    }

    @Test
    void fullRecordWithEveryOptionalField() {
        Map<String, String> fields = valid();
        fields.put("split", "true");
        fields.put("subOrderId", "SUB-1");
        fields.put("buyerName", "张三");
        fields.put("buyerIdNo", "110101199003071234");
        fields.put("gateway", "mapi");

        Declaration declaration = accepted(record(fields));

        assertThat(declaration.split()).isTrue();
        assertThat(declaration.subOrderId()).isEqualTo("SUB-1");
        assertThat(declaration.buyerName()).isEqualTo("张三");
        assertThat(declaration.buyerIdNo()).isEqualTo("110101199003071234");
        assertThat(declaration.gateway()).isEqualTo("mapi");
    }

    @Test
    void idIsRequired() {
        InvalidRecord invalid = refused(with("declarationRequestId", null));

        assertThat(invalid.message()).isEqualTo("orders.csv line 7: declarationRequestId: required");
        assertThat(invalid.validId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "A1_:-z", "01234567890123456789012345678901", "DEC:2026_11-24"})
    void idTakesSixToThirtyTwoAllowedCharacters(String id) {
        assertThat(accepted(with("declarationRequestId", id)).declarationRequestId()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcde", "DEC 0001", "DEC.0001", "DEC/0001", "订单号000001", "DEC#0001"})
    void idRefusesShortIdsAndOtherCharacters(String id) {
        InvalidRecord invalid = refused(with("declarationRequestId", id));

        assertThat(invalid.message()).isEqualTo("orders.csv line 7: declarationRequestId \"" + id
                + "\": 6 to 32 characters of 0-9 A-Z a-z _ : -");
        assertThat(invalid.validId()).isNull();
    }

    @Test
    void idRefusesMoreThanThirtyTwoCharacters() {
        String id = "0123456789012345678901234567890123"; // 34

        InvalidRecord invalid = refused(with("declarationRequestId", id));

        assertThat(invalid.message()).contains("declarationRequestId \"" + id + "\": at most 32 characters");
        assertThat(invalid.validId()).isNull();
    }

    @Test
    void validIdIsKeptWhenOtherFieldsAreBroken() {
        assertThat(refused(with("amount", "0")).validId()).isEqualTo("DEC-20261124-0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"paymentId", "customsCode", "merchantCustomsCode", "merchantCustomsName", "amount"})
    void requiredFieldsMustBePresent(String field) {
        assertThat(refused(with(field, null)).message()).isEqualTo("orders.csv line 7: " + field + ": required");
    }

    @Test
    void lengthPaymentIdAtMost64() {
        accepted(with("paymentId", "p".repeat(64)));
        assertThat(refused(with("paymentId", "p".repeat(65))).message())
                .contains("paymentId \"" + "p".repeat(40) + "…\": at most 64 characters");
    }

    @Test
    void lengthCustomsCodeAtMost20() {
        accepted(with("customsCode", "C".repeat(20)));
        assertThat(refused(with("customsCode", "C".repeat(21))).message())
                .contains("customsCode \"" + "C".repeat(21) + "\": at most 20 characters");
    }

    @Test
    void lengthMerchantCustomsCodeAtMost20() {
        accepted(with("merchantCustomsCode", "m".repeat(20)));
        assertThat(refused(with("merchantCustomsCode", "m".repeat(21))).message())
                .contains("merchantCustomsCode \"" + "m".repeat(21) + "\": at most 20 characters");
    }

    @Test
    void lengthMerchantCustomsNameAtMost256CharactersNotBytes() {
        accepted(with("merchantCustomsName", "杭".repeat(256)));
        assertThat(refused(with("merchantCustomsName", "杭".repeat(257))).message())
                .contains("merchantCustomsName \"").contains(": at most 256 characters");
    }

    @Test
    void lengthSubOrderIdAtMost32() {
        Map<String, String> fields = valid();
        fields.put("split", "true");
        fields.put("subOrderId", "s".repeat(32));
        accepted(record(fields));
        fields.put("subOrderId", "s".repeat(33));
        assertThat(refused(record(fields)).message()).contains("subOrderId \"" + "s".repeat(33)
                + "\": at most 32 characters");
    }

    @Test
    void lengthBuyerNameAtMost64AndBuyerIdNoAtMost32() {
        Map<String, String> fields = valid();
        fields.put("buyerName", "n".repeat(64));
        fields.put("buyerIdNo", "1".repeat(32));
        accepted(record(fields));

        fields.put("buyerName", "n".repeat(65));
        fields.put("buyerIdNo", "1".repeat(33));
        // personal data: the message names the field, never its value
        assertThat(refused(record(fields)).message())
                .contains("buyerName: at most 64 characters")
                .contains("buyerIdNo: at most 32 characters")
                .doesNotContain("n".repeat(65)).doesNotContain("1".repeat(33));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paymentId", "customsCode", "merchantCustomsCode", "merchantCustomsName"})
    void textFieldsRefuseControlCharacters(String field) {
        // a NUL once passed validation and then failed the whole file on PostgreSQL
        assertThat(refused(with(field, "AB\u0000CD")).message()).contains(field + " \"AB?CD\": no control characters");
        assertThat(refused(with(field, "AB\nCD")).message()).contains(field + " \"AB?CD\": no control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"buyerName", "buyerIdNo"})
    void personalFieldsRefuseControlCharactersWithoutShowingTheValue(String field) {
        Map<String, String> fields = valid();
        fields.put("buyerName", "Zhang San");
        fields.put("buyerIdNo", "110101199003077777");
        fields.put(field, "AB\u0000CD");
        assertThat(refused(record(fields)).message()).contains(field + ": no control characters")
                .doesNotContain("AB?CD").doesNotContain("Zhang San").doesNotContain("110101199003077777");
    }

    @Test
    void messagesCutLongValuesAndMaskControlCharacters() {
        String message = refused(with("customsCode", "ZONG\nSHU\u0000" + "X".repeat(50))).message();

        assertThat(message).contains("customsCode \"ZONG?SHU?" + "X".repeat(31) + "…\"");
        assertThat(message).doesNotContain("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.00", "0.01", "12.3", "5", "99999.99", "0012.50"})
    void amountPositiveWithAtMostTwoDecimals(String amount) {
        assertThat(accepted(with("amount", amount)).amount()).isEqualByComparingTo(amount);
    }

    @Test
    void amountIsKeptExactlyWithTwoDecimals() {
        assertThat(accepted(with("amount", "12.3")).amount()).isEqualTo(new BigDecimal("12.30"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.0"})
    void amountGreaterThanZero(String amount) {
        assertThat(refused(with("amount", amount)).message())
                .isEqualTo("orders.csv line 7: amount \"" + amount + "\": greater than 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "0.001", "12.300"})
    void amountAtMostTwoDecimalsNeverRounded(String amount) {
        assertThat(refused(with("amount", amount)).message())
                .isEqualTo("orders.csv line 7: amount \"" + amount + "\": at most 2 decimals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1.00", "1e3", "1,000.00", "¥12.00", "12.", ".5", "NaN", "１２"})
    void amountMustBeNumeric(String amount) {
        assertThat(refused(with("amount", amount)).message())
                .isEqualTo("orders.csv line 7: amount \"" + amount + "\": a number of yuan such as 12.30");
    }

    @Test
    void amountAtMost20Characters() {
        assertThat(refused(with("amount", "1".repeat(21))).message())
                .contains("amount \"" + "1".repeat(21) + "\": at most 20 characters");
    }

    @Test
    void splitDefaultsToFalse() {
        assertThat(accepted(record(valid())).split()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False"})
    void splitFalseIgnoresASubOrderId(String split) {
        Map<String, String> fields = valid();
        fields.put("split", split);
        fields.put("subOrderId", "SUB-1");

        Declaration declaration = accepted(record(fields));

        assertThat(declaration.split()).isFalse();
        assertThat(declaration.subOrderId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "T", "1", "y"})
    void splitOnlyTrueOrFalse(String split) {
        assertThat(refused(with("split", split)).message())
                .isEqualTo("orders.csv line 7: split \"" + split + "\": true or false");
    }

    @Test
    void splitSubOrderIdIsRequiredWhenSplit() {
        assertThat(refused(with("split", "true")).message())
                .isEqualTo("orders.csv line 7: subOrderId: required");
    }

    @Test
    void buyerNameWithoutIdNo() {
        assertThat(refused(with("buyerName", "张三")).message()).isEqualTo("orders.csv line 7: "
                + "buyerIdNo: required when buyerName is given (the identity check needs both)");
    }

    @Test
    void buyerIdNoWithoutName() {
        assertThat(refused(with("buyerIdNo", "110101199003071234")).message()).isEqualTo("orders.csv line 7: "
                + "buyerName: required when buyerIdNo is given (the identity check needs both)");
    }

    @Test
    void buyerNeitherIsFine() {
        Declaration declaration = accepted(record(valid()));

        assertThat(declaration.buyerName()).isNull();
        assertThat(declaration.buyerIdNo()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alipay-plus", "mapi"})
    void gatewayAlipayPlusOrMapi(String gateway) {
        assertThat(accepted(with("gateway", gateway)).gateway()).isEqualTo(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alipay", "antom", "alipay_plus"})
    void gatewayOtherValuesAreRefused(String gateway) {
        assertThat(refused(with("gateway", gateway)).message())
                .isEqualTo("orders.csv line 7: gateway \"" + gateway + "\": one of alipay-plus, mapi, wechat");
    }

    @Test
    void gatewayBadDefaultGatewayIsReportedToo() {
        Object result = new RecordValidator("antom").validate(record(valid()));

        assertThat(result).isInstanceOf(InvalidRecord.class);
        assertThat(((InvalidRecord) result).message()).contains("gateway \"antom\": one of alipay-plus, mapi, wechat");
    }

    @Test
    void everyBrokenRuleIsReportedTogetherInFieldOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("declarationRequestId", "bad id");
        fields.put("customsCode", "ZONGSHU");
        fields.put("merchantCustomsCode", "hanguo");
        fields.put("merchantCustomsName", "jwyhanguo_card");
        fields.put("amount", "1.001");
        fields.put("split", "true");
        fields.put("buyerName", "张三");
        fields.put("gateway", "weixin");

        InvalidRecord invalid = refused(record(fields));

        assertThat(invalid.message()).isEqualTo("orders.csv line 7: "
                + "declarationRequestId \"bad id\": 6 to 32 characters of 0-9 A-Z a-z _ : -; "
                + "paymentId: required; "
                + "amount \"1.001\": at most 2 decimals; "
                + "subOrderId: required; "
                + "buyerIdNo: required when buyerName is given (the identity check needs both); "
                + "gateway \"weixin\": one of alipay-plus, mapi, wechat");
        assertThat(invalid.validId()).isNull();
    }

    @Test
    void aProblemTheReaderFoundComesFirst() {
        RawRecord record = new RawRecord("orders.csv", 7, 3, valid(), "12 values but the header names 11 columns");

        InvalidRecord invalid = refused(record);

        assertThat(invalid.message())
                .isEqualTo("orders.csv line 7: 12 values but the header names 11 columns");
        assertThat(invalid.validId()).isEqualTo("DEC-20261124-0001");
    }
}
