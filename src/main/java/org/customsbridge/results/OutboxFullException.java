package org.customsbridge.results;

/**
 * The outbox's disk has no room for a results file. Not an error of the input: the file stays in the
 * inbox and is declared again whole once there is room ({@link OutboxSpace} holds intake back until
 * then). The records it declared already are in the ledger and reported from there.
 *
 * <p>It carries the disk's failure as text, not as its cause: Camel matches error handlers against
 * the whole cause chain, and the {@code IOException} at its root would pick the generic handler.
 */
public class OutboxFullException extends RuntimeException {

    public OutboxFullException(String message) {
        super(message, null, false, false);
    }
}
