package org.customsbridge.intake;

/** An input that cannot be read at all: empty, not UTF-8, or not the format its name says. */
public class UnreadableInputException extends RuntimeException {

    public UnreadableInputException(String message) {
        super(message);
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
