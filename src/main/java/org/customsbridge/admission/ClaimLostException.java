package org.customsbridge.admission;

/**
 * This node no longer holds the claim it declares under: it was cut off from the ledger long enough
 * for another node to take the declaration over (or for its outcome to be settled). No call goes out
 * and no outcome is written for it; the node that holds it now settles it.
 */
public class ClaimLostException extends RuntimeException {

    public ClaimLostException(String declarationRequestId) {
        super("the claim on " + declarationRequestId + " was taken over while this node was cut off from the ledger;"
                + " the node that holds it now settles it", null, false, false);
    }
}
