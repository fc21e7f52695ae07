package org.customsbridge.preflight;

/**
 * One line of the preflight: a part of the configuration, whether it holds, and what was found —
 * for a failure, what is wrong and which property to check. Never a secret's value.
 */
public record PreflightResult(String part, boolean ok, String detail) {

    public static PreflightResult ok(String part, String detail) {
        return new PreflightResult(part, true, detail);
    }

    public static PreflightResult failed(String part, String detail) {
        return new PreflightResult(part, false, detail);
    }

    /** {@code ledger                 ok      H2 2.3, schema version 6}. */
    public String line() {
        return String.format("%-24s %-7s %s", part, ok ? "ok" : "FAILED", detail);
    }
}
