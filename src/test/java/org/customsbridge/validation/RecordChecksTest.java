package org.customsbridge.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.customsbridge.CustomsConstants;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.junit.jupiter.api.Test;

/** What a route learns from a record check: the checked record, and whether it passed, by name. */
class RecordChecksTest {

    final RecordChecks checks = new RecordChecks(new MerchantEnricher(null, null), new RecordValidator("alipay-plus"));
    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void aValidRecordIsMarkedValidAndComesOutAsADeclaration() {
        Object checked = checks.check(new RawRecord("orders.csv", 2, 1, RecordValidatorTest.valid(), null), exchange);

        assertThat(checked).isInstanceOf(Declaration.class);
        assertThat(exchange.getProperty(CustomsConstants.RECORD_VALID)).isEqualTo(true);
    }

    @Test
    void anInvalidRecordIsMarkedInvalid() {
        Map<String, String> fields = new LinkedHashMap<>(RecordValidatorTest.valid());
        fields.remove("amount");

        Object checked = checks.check(new RawRecord("orders.csv", 3, 2, fields, null), exchange);

        assertThat(checked).isInstanceOf(InvalidRecord.class);
        assertThat(exchange.getProperty(CustomsConstants.RECORD_VALID)).isEqualTo(false);
    }
}
