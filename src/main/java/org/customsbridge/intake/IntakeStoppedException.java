package org.customsbridge.intake;

/**
 * The bundle began to stop while a file was being declared: no further record of it is taken, and
 * the file stays in the inbox, so that the next start reads it again (its declared records are then
 * reported from the ledger, the rest declared).
 */
public class IntakeStoppedException extends RuntimeException {

    public IntakeStoppedException(String message) {
        super(message, null, false, false);
    }
}
