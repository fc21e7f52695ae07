package org.customsbridge.tracking;

import org.customsbridge.ledger.Admission;
import org.customsbridge.ledger.DeclarationLedger;

/** Records one query answer in the ledger, reading customs codes the configured way. */
public class CustomsAnswers {

    private final DeclarationLedger ledger;
    private final CustomsResultCodes codes;

    public CustomsAnswers(DeclarationLedger ledger, CustomsResultCodes codes) {
        this.ledger = ledger;
        this.codes = codes;
    }

    /** @return an admission to re-declare (an unknown declaration the gateway never received), or to do nothing */
    public Admission record(CustomsAnswer answer) {
        return ledger.recordCustomsAnswer(answer, codes);
    }
}
