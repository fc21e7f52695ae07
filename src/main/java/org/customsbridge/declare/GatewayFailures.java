package org.customsbridge.declare;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.admission.ClaimLostException;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;

/**
 * What the gateway routes make of a call's result: a known outcome passes, an unknown one is
 * thrown to be resent; and once the resends are exhausted (or the call may not be made: its claim
 * was lost), the last failure becomes an {@code UNKNOWN} outcome that says why.
 */
public class GatewayFailures {

    /** Lets an accepted or failed outcome through; throws an unknown one, so that it is resent. */
    public DeclareOutcome requireKnown(DeclareOutcome outcome) throws UnknownOutcomeException {
        if (outcome.status() == DeclarationStatus.UNKNOWN) {
            throw new UnknownOutcomeException(outcome);
        }
        return outcome;
    }

    public DeclareOutcome unknownOutcome(@ExchangeProperty(CustomsConstants.DECLARATION_REQUEST_ID) String declarationRequestId,
                                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        if (failure instanceof UnknownOutcomeException unknown) {
            return unknown.outcome();
        }
        if (failure instanceof ClaimLostException lost) {
            // never written: the outcome step finds the claim gone and reports what its holder settled
            return DeclareOutcome.unknown(declarationRequestId, "CLAIM_TAKEN_OVER", lost.getMessage());
        }
        if (failure instanceof NoTrustedAnswerException untrusted) {
            return DeclareOutcome.unknown(declarationRequestId, untrusted.code(), untrusted.getMessage());
        }
        return DeclareOutcome.unknown(declarationRequestId, "NO_ANSWER",
                "no answer from the gateway: " + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
}
