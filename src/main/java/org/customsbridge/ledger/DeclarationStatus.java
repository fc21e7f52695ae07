package org.customsbridge.ledger;

/**
 * A declaration's public statuses, as results rows, status events and the API report them, plus the
 * ledger's own {@link #DECLARING}.
 */
public enum DeclarationStatus {
    /** Internal: a declare call is being made, or was interrupted by a crash (then resent unchanged). */
    DECLARING(false),
    INVALID(true),
    ACCEPTED(false),
    DECLARE_FAILED(true),
    UNKNOWN(false),
    CUSTOMS_PENDING(false),
    CUSTOMS_ACCEPTED(true),
    CUSTOMS_REJECTED(true);

    private final boolean terminal;

    DeclarationStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
