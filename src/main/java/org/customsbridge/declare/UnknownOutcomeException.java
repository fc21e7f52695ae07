package org.customsbridge.declare;

import org.customsbridge.ledger.DeclareOutcome;

/**
 * A gateway answered, but with an unknown outcome (result status U): the identical request must be
 * sent again. Thrown so that Camel's redelivery resends it, like any call that got no answer.
 */
public class UnknownOutcomeException extends Exception {

    private final transient DeclareOutcome outcome;

    public UnknownOutcomeException(DeclareOutcome outcome) {
        super(outcome.code() + ": " + outcome.message());
        this.outcome = outcome;
    }

    public DeclareOutcome outcome() {
        return outcome;
    }
}
