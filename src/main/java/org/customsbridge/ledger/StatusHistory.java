package org.customsbridge.ledger;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.customsbridge.ledger.LedgerText.cut;
import static org.customsbridge.ledger.LedgerText.name;

/**
 * Writes each change of a declaration's public status twice, in the caller's transaction: a history
 * row beside the declaration, and a status event for the sinks to deliver.
 */
public class StatusHistory {

    private final HeldInserts inserts;

    public StatusHistory(JdbcTemplate jdbc) {
        this(new HeldInserts(jdbc));
    }

    /** Writes that, within a group of ledger writes, reach the database as one batch per table. */
    public StatusHistory(HeldInserts inserts) {
        this.inserts = inserts;
    }

    /** One history row (when the declaration has a ledger row) and one status event. */
    public void record(StatusChange change, OffsetDateTime at) {
        if (change.ledgerRow()) {
            inserts.insert("insert into declaration_history (declaration_request_id, from_status, to_status, "
                            + "result_code, message, at) values (?, ?, ?, ?, ?, ?)",
                    change.declarationRequestId(), name(change.from()), change.to().name(), change.code(),
                    LedgerText.message(change.message()), at);
        }
        inserts.insert("""
                insert into status_event (declaration_request_id, payment_id, gateway, status, previous_status,
                    result_code, message, alipay_declaration_id, customs_result, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                cut(change.declarationRequestId(), LedgerText.RAW_ID), cut(change.paymentId(), LedgerText.PAYMENT_ID),
                cut(change.gateway(), LedgerText.GATEWAY),
                change.to().name(), name(change.from()), change.code(), cut(change.message(), LedgerText.LONG_MESSAGE),
                change.alipayDeclarationId(), change.customsResult(), at);
    }
}
