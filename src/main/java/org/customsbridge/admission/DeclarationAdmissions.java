package org.customsbridge.admission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.StatusChange;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.customsbridge.validation.InvalidRecord;
import org.springframework.dao.DuplicateKeyException;

/**
 * The ledger is the single source of truth for "was this declared?": every decision to send reads
 * and claims the row in one transaction, so neither a re-dropped file nor a restart sends twice.
 * This class carries out the {@link AdmissionPolicy} on the rows: a record is admitted (claimed and
 * sent), scheduled, refused or reported.
 */
public class DeclarationAdmissions {

    private static final long LOOK_AGAIN_MILLIS = 250;
    private static final String INVALID_RECORD = "INVALID_RECORD";

    private final DeclarationRows rows;
    private final StatusHistory history;
    private final AdmissionPolicy policy;
    private final Claims claims;
    private final OrderKeys orderKeys;
    private final Clock clock;

    /**
     * @param orderKeys what the gateways key a declaration by besides its id: one id holds each such key
     */
    public DeclarationAdmissions(DeclarationRows rows, StatusHistory history, AdmissionPolicy policy,
                                 OrderKeys orderKeys, Clock clock) {
        this.rows = rows;
        this.history = history;
        this.policy = policy;
        this.claims = policy.claims();
        this.orderKeys = orderKeys;
        this.clock = clock;
    }

    /**
     * Decides whether {@code declaration} is sent now. A new id, a crashed or unanswered call with
     * identical data, or a correction of a record that was invalid before: send (and the row is
     * claimed). Anything else: report what the ledger holds.
     */
    public Admission admit(@Body Declaration declaration, @ExchangeProperty(CustomsConstants.RECORD) RawRecord source) {
        Optional<OrderKeys.OrderKey> orderKey = orderKeys.of(declaration);
        // an order key is checked before the row is claimed, which the shared commit of a new id cannot do
        Claim claimed = orderKey.isEmpty() ? claimNew(declaration, source) : null;
        if (claimed != null) {
            return Admission.toSend(declaration, claimed);
        }
        long waitUntil = System.nanoTime() + claims.ttl().toNanos();
        while (true) {
            // one claim for every try of this look: a try whose commit was made but never confirmed (a
            // connection lost at that moment) is recognised by its token when it is tried again
            Claim claim = claims.claim(now());
            Admission admission;
            try {
                admission = rows.inTransaction(() -> tryAdmit(declaration, source, orderKey, claim));
            } catch (RuntimeException failed) {
                claims.release(claim);
                throw failed;
            }
            if (admission == null || !admission.send()) {
                claims.release(claim);
            }
            if (admission != null) {
                return admission;
            }
            if (System.nanoTime() > waitUntil) {
                return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(),
                        declaration.gateway(), DeclarationStatus.UNKNOWN, "IN_FLIGHT",
                        "a declare call for this id is still in flight elsewhere; the ledger will settle it", null));
            }
            pause();
        }
    }

    /**
     * Most ids are new: one conditional insert claims them, without a lookup and lock first, committed
     * together with other workers' writes ({@link DeclarationRows#inGroupTransaction}). The primary key
     * decides a race; the loser (and any known id) takes the locking path below. An insert tried again
     * after a lost commit answer may meet its own first try, committed: its token tells.
     */
    private Claim claimNew(Declaration declaration, RawRecord source) {
        Claim claim = claims.claim(now());
        boolean inserted;
        try {
            inserted = rows.inGroupTransaction(() -> rows.insertClaimedIfNew(declaration, source, claim, now()));
        } catch (RuntimeException failed) {
            if (!(failed instanceof DuplicateKeyException)) {
                claims.release(claim);
                throw failed;
            }
            inserted = false;
        }
        if (inserted) {
            return claim;
        }
        boolean ours = rows.autoCommitted(() -> rows.find(declaration.declarationRequestId()))
                .filter(stored -> stored.claimedWith(claim)).isPresent();
        if (!ours) {
            claims.release(claim);
        }
        return ours ? claim : null;
    }

    /** One look at the ledger; {@code null} while another live call holds the id (the caller waits for it). */
    private Admission tryAdmit(Declaration declaration, RawRecord source, Optional<OrderKeys.OrderKey> orderKey,
                               Claim claim) {
        OffsetDateTime now = now();
        Optional<StoredDeclaration> existing = rows.lock(declaration.declarationRequestId());
        if (existing.isEmpty()) {
            return send(declaration, source, orderKey, null, claim, now);
        }
        StoredDeclaration stored = existing.get();
        if (stored.claimedWith(claim)) {
            return Admission.toSend(declaration, claim);
        }
        AdmissionPolicy.Decision decision = policy.decide(stored, declaration, () -> rows.fieldsOf(stored), now);
        switch (decision.verdict()) {
            case WAIT:
                return null;
            case SEND:
                return send(declaration, source, orderKey, stored, claim, now);
            case REFUSE:
                return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(),
                        declaration.gateway(), DeclarationStatus.INVALID, "CHANGED_AFTER_DECLARATION",
                        source.location() + ": declarationRequestId \"" + declaration.declarationRequestId()
                                + "\" was already declared with different " + String.join(", ", decision.changed())
                                + ", which may not change (only " + String.join(", ",
                                RetransmissionRule.changeable(declaration.gateway()))
                                + " may); the ledger keeps its " + stored.status() + " declaration",
                        stored.alipayDeclarationId()));
            case SCHEDULE:
                rows.schedule(declaration, decision.sendAt(), now);
                return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(),
                        stored.gateway(), stored.status(), "RETRANSMISSION_SCHEDULED", "changed "
                        + String.join(", ", decision.changed()) + ": retransmission scheduled for "
                        + decision.sendAt().withNano(0) + " (the gateway takes one "
                        + policy.retransmission().waitAfterLastCall().toMinutes() + " minutes after the last call)",
                        stored.alipayDeclarationId()));
            default:
                return Admission.toReport(declaration, stored.state("already declared"
                        + (stored.resultMessage() == null ? "" : ": " + stored.resultMessage())));
        }
    }

    /**
     * Claims the row of a declaration the ledger lets go out — a new one ({@code stored} is {@code null})
     * or a known one — unless another id holds its order: then the record is invalid instead.
     */
    private Admission send(Declaration declaration, RawRecord source, Optional<OrderKeys.OrderKey> orderKey,
                           StoredDeclaration stored, Claim claim, OffsetDateTime now) {
        Optional<String> holder = orderKey.flatMap(key -> rows.orderHolder(key.key()));
        Optional<String> otherHolder = holder.filter(id -> !id.equals(declaration.declarationRequestId()))
                .filter(id -> !refusedByGateway(id));
        if (otherHolder.isPresent()) {
            // for a known row: an invalid one, never sent (or one declared before orders had holders)
            return declaredUnderAnotherId(declaration, source, orderKey.get(), otherHolder.get(), stored, now);
        }
        if (stored == null) {
            rows.insertClaimed(declaration, source, claim, now);
        } else {
            rows.claimForResend(declaration, source, stored, claim, now);
        }
        holdOrder(orderKey, holder, declaration, now);
        return Admission.toSend(declaration, claim);
    }

    /**
     * Whether the gateway refused the declaration that holds an order ({@code DECLARE_FAILED}, and no
     * call of it under way): it holds nothing at the gateway, so another id may take the order over.
     * Its row is locked, so that a correction sent under the holder's own id at the same moment either
     * comes first (and the order stays its) or finds the order taken over.
     */
    private boolean refusedByGateway(String holder) {
        return rows.lock(holder).filter(stored -> stored.status() == DeclarationStatus.DECLARE_FAILED).isPresent();
    }

    /**
     * Makes the declaration the holder of its order, if it has one: a new entry when no id holds it, or
     * taken over from a holder the gateway refused. Another id racing for the order makes the insert (or
     * the take-over) fail, and the transaction is tried again, which then finds that id.
     */
    private void holdOrder(Optional<OrderKeys.OrderKey> orderKey, Optional<String> holder, Declaration declaration,
                           OffsetDateTime now) {
        String id = declaration.declarationRequestId();
        if (orderKey.isEmpty() || holder.filter(id::equals).isPresent()) {
            return;
        }
        String key = orderKey.get().key();
        if (holder.isEmpty()) {
            rows.holdOrder(key, id, now);
        } else if (!rows.takeOrderOver(key, holder.get(), id, now)) {
            throw new DuplicateKeyException("order " + key + " was taken over by another id meanwhile");
        }
    }

    /**
     * A record whose order its gateway holds a declaration of already, under another id: invalid, as the
     * gateway would refuse it or take it for the other one. Its row (new, or the invalid one it had)
     * says so, and so does a status event; a row that holds a declaration is never overwritten.
     */
    private Admission declaredUnderAnotherId(Declaration declaration, RawRecord source, OrderKeys.OrderKey orderKey,
                                             String holder, StoredDeclaration row, OffsetDateTime now) {
        String message = source.location() + ": " + orderKey.description() + " is declared already, by"
                + " declarationRequestId \"" + holder + "\"; its gateway takes one declaration of an order, so a"
                + " correction goes under that id";
        InvalidRecord invalid = new InvalidRecord(source, message, declaration.declarationRequestId(),
                declaration.gateway());
        if (row == null) {
            rows.insertInvalid(invalid, now);
        } else if (AdmissionPolicy.invalidRecordMayWrite(row)) {
            rows.updateInvalid(invalid, now);
        }
        if (row == null || AdmissionPolicy.invalidRecordMayWrite(row)) {
            history.record(new StatusChange(true, declaration.declarationRequestId(), declaration.paymentId(),
                    declaration.gateway(), row == null ? null : DeclarationStatus.INVALID, DeclarationStatus.INVALID,
                    INVALID_RECORD, message, null, null), now);
        }
        return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(),
                declaration.gateway(), DeclarationStatus.INVALID, INVALID_RECORD, message,
                row == null ? null : row.alipayDeclarationId()));
    }

    private static void pause() {
        try {
            Thread.sleep(LOOK_AGAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a call in flight", e);
        }
    }

    /**
     * Claims the retransmissions that are due, each with its new data: each comes back as an admission
     * to send.
     */
    public List<Admission> dueRetransmissions() {
        List<Admission> admissions = new ArrayList<>();
        for (String id : rows.dueRetransmissions(now())) {
            admissions.add(rows.inTransaction(() -> {
                StoredDeclaration stored = rows.lock(id).orElseThrow();
                Declaration declaration = rows.takeScheduled(id, now());
                OffsetDateTime now = now();
                Claim claim = claims.claim(now);
                rows.claimForResend(declaration, stored.origin(), stored, claim, now);
                return Admission.toSend(declaration, claim);
            }));
        }
        return admissions;
    }

    /**
     * Keeps an invalid record. With a valid id it gets (or stays) an {@code INVALID} declaration row,
     * unless that id was already declared: a bad resubmission never overwrites a declaration.
     * Without a valid id it goes to the rejected records.
     */
    public DeclarationState recordInvalid(InvalidRecord invalid) {
        RawRecord record = invalid.record();
        // echoed as the record gave them, but no longer than their columns
        String gateway = DeclarationRows.rawGateway(invalid);
        String id = invalid.validId();
        return rows.inTransaction(() -> {
            OffsetDateTime now = now();
            if (id == null) {
                String rawId = DeclarationRows.rawId(invalid);
                rows.insertRejected(invalid, now);
                history.record(new StatusChange(false, rawId, record.field("paymentId"), gateway,
                        null, DeclarationStatus.INVALID, INVALID_RECORD, invalid.message(), null, null), now);
                return new DeclarationState(rawId, gateway, DeclarationStatus.INVALID,
                        INVALID_RECORD, invalid.message(), null);
            }
            Optional<StoredDeclaration> stored = rows.lock(id);
            if (stored.isEmpty()) {
                rows.insertInvalid(invalid, now);
                history.record(new StatusChange(true, id, record.field("paymentId"), invalid.gateway(), null,
                        DeclarationStatus.INVALID, INVALID_RECORD, invalid.message(), null, null), now);
            } else if (AdmissionPolicy.invalidRecordMayWrite(stored.get())) {
                rows.updateInvalid(invalid, now);
                // Each invalid submission is news to the ERP, even when the status stays INVALID.
                history.record(new StatusChange(true, id, record.field("paymentId"), gateway, DeclarationStatus.INVALID,
                        DeclarationStatus.INVALID, INVALID_RECORD, invalid.message(), null, null), now);
            }
            return new DeclarationState(id, gateway, DeclarationStatus.INVALID, INVALID_RECORD, invalid.message(),
                    null);
        });
    }

    private OffsetDateTime now() {
        return LedgerTime.now(clock);
    }
}
