package org.customsbridge.ledger;

/**
 * The ledger did not answer for longer than {@code customs.ledger.outage-wait}. Not an error of the
 * input: a file stays in the inbox untouched and is declared again whole at the next poll.
 *
 * <p>It carries the database's failure as text only, not as its cause: Camel matches error handlers
 * against the whole cause chain, and the socket error at its root would otherwise pass for a gateway
 * call without an answer and be resent.
 */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
