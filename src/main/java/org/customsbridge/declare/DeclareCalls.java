package org.customsbridge.declare;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.admission.Claims;
import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.StatusChange;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ledger keeps of the declare calls of an admitted declaration: the outcome, which releases
 * the claim — written only while the row still carries that claim. (Resends are counted by the
 * fencing check before each call, {@link org.customsbridge.admission.ClaimFence}.)
 */
public class DeclareCalls {

    private static final Logger LOG = LoggerFactory.getLogger(DeclareCalls.class);
    private static final long LOOK_AGAIN_MILLIS = 250;

    private final DeclarationRows rows;
    private final StatusHistory history;
    private final Claims claims;
    private final Clock clock;

    public DeclareCalls(DeclarationRows rows, StatusHistory history, Claims claims, Clock clock) {
        this.rows = rows;
        this.history = history;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * Stores what a declare call of {@code declaration} under {@code claim} came to, and releases the
     * claim. The row of a first call holds nothing the outcome needs (no status before it, no Alipay
     * id), so it is updated without being read first, in a commit shared with other workers' writes;
     * any other row is locked and read, in a transaction of its own. A row this claim's outcome has
     * settled already (written again after its commit's answer was lost) is reported as it is. A row
     * that no longer carries the claim (another node took it over while this one was cut off from the
     * ledger) is left as it is: its holder settles it, and what it comes to is reported ({@link #takenOver}).
     */
    public DeclarationState recordOutcome(@Body DeclareOutcome outcome,
                                          @ExchangeProperty(CustomsConstants.DECLARATION) Declaration declaration,
                                          @ExchangeProperty(CustomsConstants.CLAIM) Claim claim) {
        // most outcomes are a first call's: written with other workers' writes in one commit
        Optional<DeclarationState> first = rows.inGroupTransaction(() -> {
            OffsetDateTime now = LedgerTime.now(clock);
            return rows.recordFirstOutcome(outcome, declaration, claim, now)
                    ? Optional.of(recorded(outcome, declaration.paymentId(), declaration.gateway(), null, null, now))
                    : Optional.<DeclarationState>empty();
        });
        if (first.isPresent()) {
            return first.get();
        }
        // not (or no longer) a first call's row under this claim: nothing this node does makes it one again
        Optional<DeclarationState> recorded = rows.inTransaction(() -> {
            OffsetDateTime now = LedgerTime.now(clock);
            StoredDeclaration stored = rows.lock(outcome.declarationRequestId()).orElseThrow(() ->
                    new IllegalStateException("no ledger row for " + outcome.declarationRequestId()));
            if (stored.settledWith(claim)) {
                // this outcome was committed already, its answer lost: the row holds it (or what came after)
                return Optional.of(stored.state(stored.resultMessage()));
            }
            if (!stored.claimedWith(claim)) {
                // the holder's tracking may have settled it from a query, which carries no Alipay ids
                rows.keepAlipayIds(outcome, now);
                return Optional.empty();
            }
            rows.recordOutcome(outcome, now);
            return Optional.of(recorded(outcome, stored.paymentId(), stored.gateway(), stored.publicStatus(),
                    stored.alipayDeclarationId(), now));
        });
        return recorded.orElseGet(() -> takenOver(outcome.declarationRequestId()));
    }

    /**
     * What a declaration this node lost its claim on comes to: once no live call holds its row (or
     * the claim's time is up), the state the ledger holds; a call cut off without an outcome is
     * reported {@code UNKNOWN}, for tracking to settle.
     */
    private DeclarationState takenOver(String declarationRequestId) {
        LOG.warn("The claim on {} was taken over while this node was cut off from the ledger; its outcome is left "
                + "to the node that holds it now", declarationRequestId);
        long waitUntil = System.nanoTime() + claims.ttl().toNanos();
        while (true) {
            StoredDeclaration stored = rows.autoCommitted(() -> rows.find(declarationRequestId)).orElseThrow(() ->
                    new IllegalStateException("no ledger row for " + declarationRequestId));
            boolean inCall = stored.status() == DeclarationStatus.DECLARING;
            if (!inCall) {
                return stored.state(stored.resultMessage());
            }
            if (!claims.isHeld(stored, LedgerTime.now(clock)) || System.nanoTime() > waitUntil) {
                return new DeclarationState(declarationRequestId, stored.gateway(), DeclarationStatus.UNKNOWN,
                        "CLAIM_TAKEN_OVER", "another node took this declaration over while this node was cut off "
                        + "from the ledger; tracking settles it", stored.alipayDeclarationId());
            }
            try {
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another node's call", e);
            }
        }
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
