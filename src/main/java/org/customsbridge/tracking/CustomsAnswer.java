package org.customsbridge.tracking;

/**
 * What a query said about one declaration, whichever gateway answered.
 *
 * @param found              false when the gateway does not know the id
 * @param customsResultCode  the customs receipt code ({@code 2}, {@code 120}, negative...), or {@code null}
 * @param customsResultMessage the customs' description, or {@code null}
 * @param gatewayStatus      the gateway's own status of the declaration (e.g. {@code WAITING_FOR_PROCESSING}, {@code ws})
 */
public record CustomsAnswer(String declarationRequestId, boolean found, String customsResultCode,
                            String customsResultMessage, String gatewayStatus) {

    public static CustomsAnswer notFound(String declarationRequestId) {
        return new CustomsAnswer(declarationRequestId, false, null, null, null);
    }
}
