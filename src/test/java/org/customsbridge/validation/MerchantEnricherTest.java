package org.customsbridge.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.junit.jupiter.api.Test;

class MerchantEnricherTest {

    private final MerchantEnricher enricher = new MerchantEnricher("conf-code", "配置的商户名");

    private static RawRecord record(Map<String, String> fields) {
        return new RawRecord("orders.jsonl", 4, 2, fields, "a problem");
    }

    private static Map<String, String> withoutMerchant() {
        Map<String, String> fields = new LinkedHashMap<>(RecordValidatorTest.valid());
        fields.remove("merchantCustomsCode");
        fields.remove("merchantCustomsName");
        return fields;
    }

    @Test
    void fillsBothWhenTheRecordLeavesThemEmpty() {
        RawRecord enriched = enricher.enrich(record(withoutMerchant()));

        assertThat(enriched.field("merchantCustomsCode")).isEqualTo("conf-code");
        assertThat(enriched.field("merchantCustomsName")).isEqualTo("配置的商户名");
        assertThat(enriched.source()).isEqualTo("orders.jsonl");
        assertThat(enriched.line()).isEqualTo(4);
        assertThat(enriched.ordinal()).isEqualTo(2);
        assertThat(enriched.problem()).isEqualTo("a problem");
    }

    @Test
    void neverOverwritesWhatTheRecordGives() {
        RawRecord record = record(new LinkedHashMap<>(RecordValidatorTest.valid()));

        RawRecord enriched = enricher.enrich(record);

        assertThat(enriched).isSameAs(record);
        assertThat(enriched.field("merchantCustomsCode")).isEqualTo("hanguo");
        assertThat(enriched.field("merchantCustomsName")).isEqualTo("jwyhanguo_card");
    }

    @Test
    void fillsOnlyTheEmptyOne() {
        Map<String, String> fields = withoutMerchant();
        fields.put("merchantCustomsCode", "own-code");

        RawRecord enriched = enricher.enrich(record(fields));

        assertThat(enriched.field("merchantCustomsCode")).isEqualTo("own-code");
        assertThat(enriched.field("merchantCustomsName")).isEqualTo("配置的商户名");
    }

    @Test
    void doesNotChangeTheInputRecord() {
        Map<String, String> fields = withoutMerchant();
        RawRecord record = record(fields);

        enricher.enrich(record);

        assertThat(record.fields()).doesNotContainKeys("merchantCustomsCode", "merchantCustomsName");
    }

    @Test
    void blankOrMissingConfigurationFillsNothing() {
        RawRecord record = record(withoutMerchant());

        assertThat(new MerchantEnricher(null, "  ").enrich(record)).isSameAs(record);
        assertThat(new MerchantEnricher("", null).enrich(record)).isSameAs(record);
    }

    @Test
    void configurationIsTrimmed() {
        RawRecord enriched = new MerchantEnricher("  conf-code \n", null).enrich(record(withoutMerchant()));

        assertThat(enriched.field("merchantCustomsCode")).isEqualTo("conf-code");
        assertThat(enriched.fields()).doesNotContainKey("merchantCustomsName");
    }

    @Test
    void enrichedRecordPassesValidation() {
        RecordChecks checks = new RecordChecks(enricher, new RecordValidator("alipay-plus"));
        RawRecord record = new RawRecord("orders.csv", 2, 1, withoutMerchant(), null);

        Object result = checks.enrichAndValidate(record);

        assertThat(result).isInstanceOf(Declaration.class);
        assertThat(((Declaration) result).merchantCustomsCode()).isEqualTo("conf-code");
        assertThat(((Object) new RecordChecks(new MerchantEnricher(null, null), new RecordValidator("alipay-plus"))
                .enrichAndValidate(record))).isInstanceOf(InvalidRecord.class);
    }
}
