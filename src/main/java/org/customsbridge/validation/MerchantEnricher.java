package org.customsbridge.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.record.Fields;
import org.customsbridge.record.RawRecord;

/** Fills the merchant's customs registration from configuration where a record leaves it empty. */
public class MerchantEnricher {

    private final String customsCode;
    private final String customsName;

    public MerchantEnricher(String customsCode, String customsName) {
        this.customsCode = blankToNull(customsCode);
        this.customsName = blankToNull(customsName);
    }

    public RawRecord enrich(RawRecord record) {
        boolean fillCode = customsCode != null && record.field(Fields.MERCHANT_CUSTOMS_CODE) == null;
        boolean fillName = customsName != null && record.field(Fields.MERCHANT_CUSTOMS_NAME) == null;
        if (!fillCode && !fillName) {
            return record;
        }
        Map<String, String> fields = new LinkedHashMap<>(record.fields());
        if (fillCode) {
            fields.put(Fields.MERCHANT_CUSTOMS_CODE, customsCode);
        }
        if (fillName) {
            fields.put(Fields.MERCHANT_CUSTOMS_NAME, customsName);
        }
        return new RawRecord(record.source(), record.line(), record.ordinal(), fields, record.problem());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
