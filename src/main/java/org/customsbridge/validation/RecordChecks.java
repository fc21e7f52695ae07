package org.customsbridge.validation;

import org.customsbridge.record.RawRecord;

/**
 * Enrichment - the merchant's registration from configuration, then what is still missing from the
 * ERP lookup when one is configured - then validation: a record comes out as a Declaration or an
 * InvalidRecord.
 */
public class RecordChecks {

    private final MerchantEnricher enricher;
    private final ErpLookup lookup;
    private final RecordValidator validator;

    public RecordChecks(MerchantEnricher enricher, RecordValidator validator) {
        this(enricher, null, validator);
    }

    public RecordChecks(MerchantEnricher enricher, ErpLookup lookup, RecordValidator validator) {
        this.enricher = enricher;
        this.lookup = lookup;
        this.validator = validator;
    }

    public Object check(RawRecord record) {
        RawRecord enriched = enricher.enrich(record);
        return validator.validate(lookup == null ? enriched : lookup.fill(enriched));
    }
}
