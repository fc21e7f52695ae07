package org.customsbridge.results;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.intake.InboxFiles;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.record.RawRecord;

/** Writes one record's final state as its row in the results file of the input it came from. */
public class ResultRows {

    public static final String RECORD = "customsRecord";

    public void append(@ExchangeProperty(InboxFiles.RESULTS) ResultsFile results,
                       @ExchangeProperty(RECORD) RawRecord record,
                       @Body DeclarationState state) {
        if (results != null) {
            results.append(record, state);
        }
    }
}
