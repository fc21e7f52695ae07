package org.customsbridge.declare;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.StatusChange;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;

/**
 * What the ledger keeps of the declare calls of an admitted declaration: every resend counted, and
 * the outcome, which releases the claim.
 */
public class DeclareCalls {

    private final DeclarationRows rows;
    private final StatusHistory history;
    private final Clock clock;

    public DeclareCalls(DeclarationRows rows, StatusHistory history, Clock clock) {
        this.rows = rows;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Counts one resend of a call that had no trustworthy answer. (An admission counts its own first
     * call, in the transaction that claims the row: one statement less per declaration.)
     */
    public void countResend(String declarationRequestId) {
        rows.autoCommitted(() -> {
            rows.countCall(declarationRequestId, LedgerTime.now(clock));
            return null;
        });
    }

    /**
     * Stores what a declare call of {@code declaration} came to, and releases the claim. The row of
     * a first call holds nothing the outcome needs (no status before it, no Alipay id), so it is
     * updated without being read first; any other row is locked and read.
     */
    public DeclarationState recordOutcome(@Body DeclareOutcome outcome,
                                          @ExchangeProperty(CustomsConstants.DECLARATION) Declaration declaration) {
        return rows.inTransaction(() -> {
            OffsetDateTime now = LedgerTime.now(clock);
            if (rows.recordFirstOutcome(outcome, declaration, now)) {
                return recorded(outcome, declaration.paymentId(), declaration.gateway(), null, null, now);
            }
            StoredDeclaration stored = rows.lock(outcome.declarationRequestId()).orElseThrow(() ->
                    new IllegalStateException("no ledger row for " + outcome.declarationRequestId()));
            rows.recordOutcome(outcome, now);
            return recorded(outcome, stored.paymentId(), stored.gateway(), stored.publicStatus(),
                    stored.alipayDeclarationId(), now);
        });
    }

    /** The history and status event of an outcome that changed the status, and the state it leaves. */
    private DeclarationState recorded(DeclareOutcome outcome, String paymentId, String gateway,
                                      DeclarationStatus previous, String storedAlipayDeclarationId, OffsetDateTime now) {
        String alipayDeclarationId = outcome.alipayDeclarationId() != null ? outcome.alipayDeclarationId()
                : storedAlipayDeclarationId;
        if (previous != outcome.status()) {
            history.record(new StatusChange(true, outcome.declarationRequestId(), paymentId, gateway, previous,
                    outcome.status(), outcome.code(), outcome.message(), alipayDeclarationId, null), now);
        }
        return new DeclarationState(outcome.declarationRequestId(), gateway, outcome.status(), outcome.code(),
                outcome.message(), alipayDeclarationId);
    }
}
