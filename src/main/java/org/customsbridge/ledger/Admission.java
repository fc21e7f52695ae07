package org.customsbridge.ledger;

import org.customsbridge.record.Declaration;

/**
 * The ledger's answer to "may this declaration be sent?": either send it (the row is claimed for
 * this call), or report the state the ledger already holds.
 */
public record Admission(boolean send, Declaration declaration, DeclarationState state) {

    static Admission toSend(Declaration declaration) {
        return new Admission(true, declaration, null);
    }

    static Admission toReport(Declaration declaration, DeclarationState state) {
        return new Admission(false, declaration, state);
    }
}
