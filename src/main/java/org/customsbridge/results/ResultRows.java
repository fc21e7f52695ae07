package org.customsbridge.results;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.record.RawRecord;

/** Writes one record's final state as its row in the results file of the input it came from. */
public class ResultRows {

    public void append(@ExchangeProperty(CustomsConstants.RESULTS) ResultsFile results,
                       @ExchangeProperty(CustomsConstants.RECORD) RawRecord record,
                       @Body DeclarationState state) {
        if (results != null) {
            results.append(record, state);
        }
    }
}
