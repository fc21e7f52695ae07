package org.customsbridge.validation;

import org.apache.camel.Exchange;
import org.customsbridge.CustomsConstants;
import org.customsbridge.record.RawRecord;

/**
 * Enrichment - the merchant's registration from configuration, then what is still missing from the
 * ERP lookup when one is configured - then validation: a record comes out as a Declaration or an
 * InvalidRecord, and the route reads which from {@link CustomsConstants#RECORD_VALID}.
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

    /**
     * Checks the record of a route and says whether it passed in {@link CustomsConstants#RECORD_VALID},
     * so that the route can choose its way by name.
     */
    public Object check(RawRecord record, Exchange exchange) {
        Object checked = enrichAndValidate(record);
        exchange.setProperty(CustomsConstants.RECORD_VALID, !(checked instanceof InvalidRecord));
        return checked;
    }

    /** @return a {@code Declaration}, or an {@link InvalidRecord} saying every rule it broke */
    public Object enrichAndValidate(RawRecord record) {
        RawRecord enriched = enricher.enrich(record);
        return validator.validate(lookup == null ? enriched : lookup.fill(enriched));
    }
}
