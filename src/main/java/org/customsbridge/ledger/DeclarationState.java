package org.customsbridge.ledger;

/**
 * Where one declaration stands, as a results row and a status event report it.
 *
 * @param declarationRequestId the id, or the raw value given when it was invalid (may be {@code null})
 */
public record DeclarationState(
        String declarationRequestId,
        String gateway,
        DeclarationStatus status,
        String code,
        String message,
        String alipayDeclarationId) {
}
