package org.customsbridge.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclarationTest {

    static Declaration full() {
        return new Declaration("DEC-20261124-0001", "PAY-20261124-0001", "ZONGSHU", "hanguo", "jwyhanguo_card",
                new BigDecimal("123.45"), true, "SUB-1", "张三", "110101199003071234", "alipay-plus",
                "ORDER-0001", new BigDecimal("120.45"), new BigDecimal("3"), new BigDecimal("0.10"));
    }

    static Declaration minimal() {
        return new Declaration("DEC-20261124-0002", "PAY-20261124-0002", "ZONGSHU", "hanguo", "jwyhanguo_card",
                new BigDecimal("1.5"), false, null, null, null, "mapi");
    }

    @Test
    void fingerprintIsStableAndHex() {
        String fingerprint = full().fingerprint();

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(full().fingerprint()).isEqualTo(fingerprint);
        assertThat(Declaration.fromFields(full().fields()).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void fingerprintIgnoresTheScaleTheAmountWasWrittenIn() {
        Declaration written = new Declaration("DEC-20261124-0002", "PAY-20261124-0002", "ZONGSHU", "hanguo",
                "jwyhanguo_card", new BigDecimal("1.50"), false, null, null, null, "mapi");

        assertThat(written.fingerprint()).isEqualTo(minimal().fingerprint());
    }

    @Test
    void fingerprintChangesWithEveryField() {
        Declaration base = full();
        Map<String, UnaryOperator<Map<String, String>>> changes = new LinkedHashMap<>();
        changes.put("declarationRequestId", f -> put(f, "declarationRequestId", "DEC-20261124-0009"));
        changes.put("paymentId", f -> put(f, "paymentId", "PAY-20261124-0009"));
        changes.put("customsCode", f -> put(f, "customsCode", "NINGBO"));
        changes.put("merchantCustomsCode", f -> put(f, "merchantCustomsCode", "hanguo2"));
        changes.put("merchantCustomsName", f -> put(f, "merchantCustomsName", "jwyhanguo_card2"));
        changes.put("amount", f -> put(f, "amount", "123.46"));
        changes.put("split", f -> put(f, "split", "false"));
        changes.put("subOrderId", f -> put(f, "subOrderId", "SUB-2"));
        changes.put("buyerName", f -> put(f, "buyerName", "李四"));
        changes.put("buyerIdNo", f -> put(f, "buyerIdNo", "110101199003075678"));
        changes.put("gateway", f -> put(f, "gateway", "mapi"));
        changes.put("merchantOrderNo", f -> put(f, "merchantOrderNo", "ORDER-0002"));
        changes.put("productFee", f -> put(f, "productFee", "120.44"));
        changes.put("transportFee", f -> put(f, "transportFee", "3.01"));
        changes.put("duty", f -> put(f, "duty", "0.11"));
        changes.put("buyerName absent", f -> put(f, "buyerName", null));
        changes.put("subOrderId absent", f -> put(f, "subOrderId", null));
        assertThat(changes.keySet()).containsAll(Fields.ALL);

        Set<String> fingerprints = new HashSet<>(Set.of(base.fingerprint()));
        changes.forEach((what, change) -> {
            Declaration changed = Declaration.fromFields(change.apply(new LinkedHashMap<>(base.fields())));
            assertThat(changed.fingerprint()).as("fingerprint after changing %s", what)
                    .isNotEqualTo(base.fingerprint());
            fingerprints.add(changed.fingerprint());
        });
        assertThat(fingerprints).hasSize(changes.size() + 1);
    }

    @Test
    void fingerprintDoesNotConfuseAValueMovedToAnotherField() {
        Declaration a = new Declaration("DEC-20261124-0002", "PAY-1", "ZONGSHU", "hanguo", "name",
                new BigDecimal("1"), false, null, "X", null, "mapi");
        Declaration b = new Declaration("DEC-20261124-0002", "PAY-1", "ZONGSHU", "hanguo", "name",
                new BigDecimal("1"), false, null, null, "X", "mapi");

        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }

    @ParameterizedTest
    @CsvSource({"123.45, 12345", "1.5, 150", "1, 100", "0.01, 1", "0.10, 10", "99999.99, 9999999",
            "12345678901234.56, 1234567890123456"})
    void amountInFen(String yuan, long fen) {
        Declaration declaration = new Declaration("DEC-20261124-0003", "PAY", "ZONGSHU", "m", "n",
                new BigDecimal(yuan), false, null, null, null, "alipay-plus");

        assertThat(declaration.amountInFen()).isEqualTo(fen);
    }

    @Test
    void amountIsHeldWithTwoDecimals() {
        assertThat(minimal().amount()).isEqualTo(new BigDecimal("1.50"));
        assertThat(minimal().fields()).containsEntry("amount", "1.50");
    }

    @Test
    void amountWithMoreThanTwoDecimalsIsNeverRounded() {
        assertThatThrownBy(() -> new Declaration("DEC-20261124-0003", "PAY", "ZONGSHU", "m", "n",
                new BigDecimal("1.005"), false, null, null, null, "mapi")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void fieldsAreInContractOrderWithCanonicalText() {
        assertThat(full().fields()).containsExactly(
                Map.entry("declarationRequestId", "DEC-20261124-0001"),
                Map.entry("paymentId", "PAY-20261124-0001"),
                Map.entry("customsCode", "ZONGSHU"),
                Map.entry("merchantCustomsCode", "hanguo"),
                Map.entry("merchantCustomsName", "jwyhanguo_card"),
                Map.entry("amount", "123.45"),
                Map.entry("split", "true"),
                Map.entry("subOrderId", "SUB-1"),
                Map.entry("buyerName", "张三"),
                Map.entry("buyerIdNo", "110101199003071234"),
                Map.entry("gateway", "alipay-plus"),
                Map.entry("merchantOrderNo", "ORDER-0001"),
                Map.entry("productFee", "120.45"),
                Map.entry("transportFee", "3.00"),
                Map.entry("duty", "0.10"));
        assertThat(List.copyOf(full().fields().keySet())).isEqualTo(Fields.ALL);
    }

    @Test
    void absentValuesAreLeftOutOfFields() {
        assertThat(minimal().fields()).containsOnlyKeys("declarationRequestId", "paymentId", "customsCode",
                "merchantCustomsCode", "merchantCustomsName", "amount", "split", "gateway");
        assertThat(minimal().fields()).containsEntry("split", "false");
    }

    @Test
    void fromFieldsRoundTrips() {
        assertThat(Declaration.fromFields(full().fields())).isEqualTo(full());
        assertThat(Declaration.fromFields(minimal().fields())).isEqualTo(minimal());
        assertThat(Declaration.fromFields(minimal().fields()).fields()).isEqualTo(minimal().fields());
    }

    @Test
    void declarationRequestIdIsRequired() {
        assertThatThrownBy(() -> new Declaration(null, "PAY", "ZONGSHU", "m", "n", BigDecimal.ONE, false, null,
                null, null, "mapi")).isInstanceOf(NullPointerException.class).hasMessage("declarationRequestId");
    }

    @Test
    void rawRecordLocationNamesSourceAndLine() {
        RawRecord record = new RawRecord("orders.csv", 7, 3, Map.of("amount", "1.00"), null);

        assertThat(record.location()).isEqualTo("orders.csv line 7");
        assertThat(record.field("amount")).isEqualTo("1.00");
        assertThat(record.field("paymentId")).isNull();
    }

    private static Map<String, String> put(Map<String, String> fields, String name, String value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return fields;
    }
}
