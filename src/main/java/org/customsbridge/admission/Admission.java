package org.customsbridge.admission;

import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.record.Declaration;

/**
 * The ledger's answer to "may this declaration be sent?": either send it (the row is claimed for
 * this call, and the claim goes with it: every call and outcome write checks it), or report the
 * state the ledger already holds.
 */
public record Admission(boolean send, Declaration declaration, DeclarationState state, Claim claim) {

    public static Admission toSend(Declaration declaration, Claim claim) {
        return new Admission(true, declaration, null, claim);
    }

    public static Admission toReport(Declaration declaration, DeclarationState state) {
        return new Admission(false, declaration, state, null);
    }
}
