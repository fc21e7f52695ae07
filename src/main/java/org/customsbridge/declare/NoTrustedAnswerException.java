package org.customsbridge.declare;

/**
 * A gateway call that came back with nothing the bundle may trust: an HTTP error, an unsigned or
 * wrongly signed answer. Its outcome is unknown, never accepted.
 */
public class NoTrustedAnswerException extends Exception {

    private final String code;

    public NoTrustedAnswerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
