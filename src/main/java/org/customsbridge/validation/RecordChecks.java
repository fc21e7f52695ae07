package org.customsbridge.validation;

import org.customsbridge.record.RawRecord;

/** Enrichment from configuration, then validation: a record comes out as a Declaration or an InvalidRecord. */
public class RecordChecks {

    private final MerchantEnricher enricher;
    private final RecordValidator validator;

    public RecordChecks(MerchantEnricher enricher, RecordValidator validator) {
        this.enricher = enricher;
        this.validator = validator;
    }

    public Object check(RawRecord record) {
        return validator.validate(enricher.enrich(record));
    }
}
