package org.customsbridge.admission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;

/**
 * "Never twice": what becomes of a declaration whose id the ledger knows already. Decisions only;
 * {@link DeclarationAdmissions} carries them out on the rows.
 */
public class AdmissionPolicy {

    /** What to do with a declaration of a known id. */
    public enum Verdict {
        /** Another live call holds the id: look again once it has settled. */
        WAIT,
        /** Claim the row and send: a crashed or unanswered call with identical data, a corrected
         *  invalid record, or a retransmission that is due. */
        SEND,
        /** Changed fields that may not change: the ledger keeps its declaration. */
        REFUSE,
        /** An allowed change that is not due yet: kept, to be sent when it is. */
        SCHEDULE,
        /** Already declared with this very data: report what the ledger holds. */
        REPORT
    }

    /**
     * @param changed the fields that differ from the stored declaration (for {@code REFUSE}, those that may not)
     * @param sendAt  when a scheduled retransmission is due
     */
    public record Decision(Verdict verdict, List<String> changed, OffsetDateTime sendAt) {

        static Decision of(Verdict verdict) {
            return new Decision(verdict, List.of(), null);
        }
    }

    private final Claims claims;
    private final RetransmissionRule retransmission;
    private final BiPredicate<StoredDeclaration, Declaration> sameData;

    /** A policy for ledgers without personal data, whose fingerprints are plain hashes. */
    public AdmissionPolicy(Claims claims, RetransmissionRule retransmission) {
        this(claims, retransmission, (stored, declaration) -> stored.fingerprint().equals(declaration.fingerprint()));
    }

    /**
     * @param sameData whether a declaration carries exactly a row's data (the ledger compares fingerprints,
     *                 keyed for rows with personal data)
     */
    public AdmissionPolicy(Claims claims, RetransmissionRule retransmission,
                           BiPredicate<StoredDeclaration, Declaration> sameData) {
        this.claims = claims;
        this.retransmission = retransmission;
        this.sameData = sameData;
    }

    public Claims claims() {
        return claims;
    }

    public RetransmissionRule retransmission() {
        return retransmission;
    }

    /**
     * @param storedFields the stored request fields, read only when the data changed
     */
    public Decision decide(StoredDeclaration stored, Declaration declaration, Supplier<Map<String, String>> storedFields,
                           OffsetDateTime now) {
        if (stored.status() == DeclarationStatus.DECLARING && claims.isHeld(stored, now)) {
            return Decision.of(Verdict.WAIT);
        }
        boolean identical = sameData.test(stored, declaration);
        if (stored.status() == DeclarationStatus.INVALID || identical && stored.resendable()) {
            return Decision.of(Verdict.SEND);
        }
        if (identical) {
            return Decision.of(Verdict.REPORT);
        }
        List<String> changed = RetransmissionRule.changedFields(storedFields.get(), declaration.fields());
        List<String> unchangeable = retransmission.unchangeable(declaration.gateway(), changed);
        if (!unchangeable.isEmpty()) {
            return new Decision(Verdict.REFUSE, unchangeable, null);
        }
        OffsetDateTime allowedAt = retransmission.allowedAt(stored.lastDeclaredAt(), now);
        if (!now.isBefore(allowedAt)) {
            return new Decision(Verdict.SEND, changed, null);
        }
        return new Decision(Verdict.SCHEDULE, changed, allowedAt);
    }

    /**
     * Whether a query's "not found" sends the stored declaration again: only a call whose outcome is
     * not known (it never arrived) and that no live call holds.
     */
    public boolean resendsUnknownToGateway(StoredDeclaration stored, OffsetDateTime now) {
        return stored.resendable() && !claims.isHeld(stored, now);
    }

    /** Whether a customs answer may change the row: not while a live call holds it, never once it is final. */
    public boolean takesCustomsAnswer(StoredDeclaration stored, OffsetDateTime now) {
        return !(stored.status() == DeclarationStatus.DECLARING && claims.isHeld(stored, now)
                || stored.status().isTerminal());
    }

    /** Whether an invalid record may write its id's row: only one that is new or invalid too. */
    public static boolean invalidRecordMayWrite(StoredDeclaration stored) {
        return stored.status() == DeclarationStatus.INVALID;
    }
}
