package org.customsbridge.ledger;

/**
 * One change of a declaration's public status, as history and status event record it.
 *
 * @param ledgerRow whether the declaration has a ledger row (a record without a valid id has none:
 *                  it gets a status event but no history)
 */
public record StatusChange(
        boolean ledgerRow,
        String declarationRequestId,
        String paymentId,
        String gateway,
        DeclarationStatus from,
        DeclarationStatus to,
        String code,
        String message,
        String alipayDeclarationId,
        String customsResult) {
}
