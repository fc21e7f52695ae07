package org.customsbridge.tracking;

import org.customsbridge.ledger.DeclarationStatus;

/**
 * What a query said about one declaration, whichever gateway answered.
 *
 * @param found              false when the gateway does not know the id
 * @param customsResultCode  the customs receipt code ({@code 2}, {@code 120}, negative...), or {@code null}
 * @param customsResultMessage the customs' description, or {@code null}
 * @param gatewayStatus      the gateway's own status of the declaration (e.g. {@code WAITING_FOR_PROCESSING}, {@code ws})
 * @param status             the status the gateway's answer means by itself (WeChat Pay's states), or
 *                           {@code null} when the customs receipt code decides it (Alipay)
 */
public record CustomsAnswer(String declarationRequestId, boolean found, String customsResultCode,
                            String customsResultMessage, String gatewayStatus, DeclarationStatus status) {

    /** An answer whose customs receipt code decides the status. */
    public CustomsAnswer(String declarationRequestId, boolean found, String customsResultCode,
                         String customsResultMessage, String gatewayStatus) {
        this(declarationRequestId, found, customsResultCode, customsResultMessage, gatewayStatus, null);
    }

    public static CustomsAnswer notFound(String declarationRequestId) {
        return new CustomsAnswer(declarationRequestId, false, null, null, null);
    }
}
