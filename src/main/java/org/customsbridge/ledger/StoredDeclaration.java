package org.customsbridge.ledger;

import java.time.OffsetDateTime;
import java.util.Map;

import org.customsbridge.record.RawRecord;

/**
 * One declaration row as the ledger holds it. The request fields stay JSON until someone needs
 * them: most decisions (an outcome, a claim) read none.
 *
 * @param status                the row's status, {@link DeclarationStatus#DECLARING} while a call is claimed
 * @param statusBeforeDeclaring the public status a claimed resend started from ({@code null} for a first call)
 * @param claimedBy             the node that holds the claim, or {@code null}
 * @param claimToken            the fencing token of the claim on the row, or {@code null}
 * @param settledClaimToken     the token of the claim whose call's outcome was written last (releasing it), or
 *                              {@code null}
 * @param lastDeclaredAt        when the last declare call went out
 * @param personalKeyId         the id of the key the fingerprint and personal fields are under, or
 *                              {@code null} when the row holds no personal data
 * @param customsResultCode     the customs result code tracking last read (for WeChat Pay, its
 *                              {@code state}), or {@code null}
 */
public record StoredDeclaration(String id, String paymentId, String gateway, String fingerprint,
                                String fieldsJson, DeclarationStatus status, String resultCode,
                                String resultMessage, String alipayDeclarationId, OffsetDateTime claimedUntil,
                                DeclarationStatus statusBeforeDeclaring, String sourceName, long sourceLine,
                                OffsetDateTime lastDeclaredAt, String claimedBy, String claimToken,
                                String settledClaimToken, String personalKeyId, String customsResultCode) {

    /** A call that crashed in flight, or went unanswered, is resent with identical data. */
    public boolean resendable() {
        return status == DeclarationStatus.DECLARING || status == DeclarationStatus.UNKNOWN;
    }

    /** Whether the row is in a call under {@code claim} (no other claim has replaced it, no outcome released it). */
    public boolean claimedWith(Claim claim) {
        return status == DeclarationStatus.DECLARING && claim.token().equals(claimToken);
    }

    /** Whether the row's last outcome was written under {@code claim}, which it released. */
    public boolean settledWith(Claim claim) {
        return status != DeclarationStatus.DECLARING && claim.token().equals(settledClaimToken);
    }

    /** Whether a claim was made that has not expired at {@code now} (whoever made it). */
    public boolean claimedAt(OffsetDateTime now) {
        return claimedUntil != null && claimedUntil.isAfter(now);
    }

    /** The status the outside world knows: while a resend is claimed, the one it started from. */
    public DeclarationStatus publicStatus() {
        return status == DeclarationStatus.DECLARING ? statusBeforeDeclaring : status;
    }

    /** Where the declaration came from, file and line: all that a resend's claim keeps of its source. */
    public RawRecord origin() {
        return new RawRecord(sourceName, sourceLine, 0, Map.of(), null);
    }

    /** The row's state, reported with {@code message}. */
    public DeclarationState state(String message) {
        return new DeclarationState(id, gateway, status, resultCode, message, alipayDeclarationId);
    }
}
