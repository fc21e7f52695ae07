package org.customsbridge.preflight;

import java.util.Set;

/**
 * What preflight needs to know of one gateway to name the setting behind a failed check. Each
 * gateway's package provides its own, so that a new gateway is checked without changes here.
 *
 * @param gateway                   the gateway's name, as records and {@code customs.gateway} give it
 * @param endpointProperty          the property of the gateway's address
 * @param requestSigningProperties  what signs requests (key, key version, ...), for a signature the gateway refused
 * @param answerVerifyingProperties what verifies answers, for an answer whose signature does not verify
 * @param accountProperties         the merchant's account at the gateway (client id, partner, ...)
 * @param signatureRefusedCodes     the gateway's result codes that say it refused the request's signature
 * @param accountRefusedCodes       the gateway's result codes that say it does not know the account
 */
public record GatewaySettingsHints(String gateway, String endpointProperty, String requestSigningProperties,
                                   String answerVerifyingProperties, String accountProperties,
                                   Set<String> signatureRefusedCodes, Set<String> accountRefusedCodes) {
}
