package org.customsbridge.admission;

import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.record.Declaration;

/**
 * The ledger's answer to "may this declaration be sent?": either send it (the row is claimed for
 * this call), or report the state the ledger already holds.
 */
public record Admission(boolean send, Declaration declaration, DeclarationState state) {

    public static Admission toSend(Declaration declaration) {
        return new Admission(true, declaration, null);
    }

    public static Admission toReport(Declaration declaration, DeclarationState state) {
        return new Admission(false, declaration, state);
    }
}
