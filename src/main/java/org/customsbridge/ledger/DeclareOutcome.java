package org.customsbridge.ledger;

/**
 * What one declare call came to, whichever gateway made it: {@link DeclarationStatus#ACCEPTED},
 * {@link DeclarationStatus#DECLARE_FAILED} or {@link DeclarationStatus#UNKNOWN}.
 */
public record DeclareOutcome(
        String declarationRequestId,
        DeclarationStatus status,
        String code,
        String message,
        String alipayDeclarationId,
        String alipayPaymentId) {

    public static DeclareOutcome unknown(String declarationRequestId, String code, String message) {
        return new DeclareOutcome(declarationRequestId, DeclarationStatus.UNKNOWN, code, message, null, null);
    }
}
