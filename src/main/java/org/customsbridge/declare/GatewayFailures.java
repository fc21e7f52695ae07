package org.customsbridge.declare;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.ledger.DeclareOutcome;

/** Turns a call that failed or was not trusted into an {@code UNKNOWN} outcome that says why. */
public class GatewayFailures {

    public static final String DECLARATION_REQUEST_ID = "customsDeclarationRequestId";

    public DeclareOutcome unknownOutcome(@ExchangeProperty(DECLARATION_REQUEST_ID) String declarationRequestId,
                                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        if (failure instanceof NoTrustedAnswerException untrusted) {
            return DeclareOutcome.unknown(declarationRequestId, untrusted.code(), untrusted.getMessage());
        }
        return DeclareOutcome.unknown(declarationRequestId, "NO_ANSWER",
                "no answer from the gateway: " + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
}
