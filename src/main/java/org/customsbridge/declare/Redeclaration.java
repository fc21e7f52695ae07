package org.customsbridge.declare;

/**
 * What a gateway answered when asked to push a declaration it holds to customs again (WeChat Pay's
 * re-declaration): taken, or refused with the gateway's code and text.
 *
 * @param taken   whether the gateway took the request
 * @param code    the gateway's result or error code
 * @param message the gateway's words (a taken request: the state it reports)
 */
public record Redeclaration(boolean taken, String code, String message) {
}
