package org.customsbridge.testsupport;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;

/** Valid declarations for tests of the ledger and its policies. */
public final class Declarations {

    private Declarations() {
    }

    public static Declaration declaration(String id) {
        return new Declaration(id, "PAY-" + id, "ZONGSHU", "hanguo", "jwyhanguo_card", new BigDecimal("123.45"),
                false, null, null, null, "alipay-plus");
    }

    /**
     * A WeChat Pay declaration of {@code merchantOrderNo} at customs {@code HANGZHOU_ZS}, split when
     * {@code subOrderId} is given.
     */
    public static Declaration wechat(String id, String merchantOrderNo, String subOrderId) {
        boolean split = subOrderId != null;
        return new Declaration(id, "4200000000202611240000000001", "HANGZHOU_ZS", "3301234567", null,
                new BigDecimal("100.00"), split, subOrderId, null, null, "wechat", merchantOrderNo,
                split ? new BigDecimal("90.00") : null, split ? new BigDecimal("10.00") : null, null);
    }

    /** {@code declaration} with one field set to another value. */
    public static Declaration with(Declaration declaration, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(declaration.fields());
        fields.put(field, value);
        return Declaration.fromFields(fields);
    }

    /** Where a test's records come from. */
    public static RawRecord source(long line) {
        return new RawRecord("orders.csv", line, line, Map.of(), null);
    }
}
