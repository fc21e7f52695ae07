package org.customsbridge.ledger;

/** Text as the ledger's columns take it. */
final class LedgerText {

    /** Width of the message columns. */
    static final int MESSAGE = 1024;
    /** Column widths of a raw (invalid) request id and of a gateway name, in the ledger and in results rows. */
    static final int RAW_ID = 256;
    static final int GATEWAY = 16;
    static final int PAYMENT_ID = 64;
    static final int SOURCE = 512;
    static final int LONG_MESSAGE = 4000;
    static final int CUSTOMS_RESULT_CODE = 32;

    private LedgerText() {
    }

    static String message(String value) {
        return cut(value, MESSAGE);
    }

    /**
     * At most {@code max} characters, and no NUL: PostgreSQL's text cannot hold one, and raw values of
     * invalid records (an id, a payment id) are stored as they came.
     */
    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '?');
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String name(DeclarationStatus status) {
        return status == null ? null : status.name();
    }
}
