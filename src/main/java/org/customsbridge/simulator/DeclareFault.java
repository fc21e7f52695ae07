package org.customsbridge.simulator;

/**
 * How a fault rule's answer ({@code customs.simulator.rules.<name>.answer}) makes a simulated gateway
 * misbehave on one declare call, read the same way by every gateway's servlet: {@code http-500},
 * {@code U} (a result not known), {@code F:<code>} (a failure with that code), {@code timeout},
 * {@code malformed}, {@code bad-signature}; empty for a call answered as the sandbox decides.
 */
record DeclareFault(String answer) {

    static final DeclareFault NONE = new DeclareFault("");

    /** Answered at once, without the sandbox: a server error, a result not known, or a failure code. */
    boolean answersAtOnce() {
        return serverError() || unknownResult() || answer.startsWith("F:");
    }

    boolean serverError() {
        return answer.equals("http-500");
    }

    boolean unknownResult() {
        return answer.equals("U");
    }

    /**
     * The code an at-once answer carries (and the journal records): {@code HTTP_500}, the gateway's own
     * code for a result not known, or the rule's failure code.
     */
    String code(String unknownResultCode) {
        return serverError() ? "HTTP_500" : unknownResult() ? unknownResultCode : answer.substring(2);
    }

    boolean timeout() {
        return answer.equals("timeout");
    }

    boolean badSignature() {
        return answer.equals("bad-signature");
    }

    /** The answer's body as sent: cut in half for {@code malformed}, else as it is. */
    String body(String body) {
        return answer.equals("malformed") ? body.substring(0, body.length() / 2) : body;
    }
}
