package org.customsbridge.tracking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.customsbridge.admission.Admission;
import org.customsbridge.admission.AdmissionPolicy;
import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.StatusChange;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;

/**
 * Applies what a query said about one declaration to its ledger row, reading customs codes the
 * configured way. A declaration whose outcome was unknown and that the gateway does not know (the
 * call never arrived) is sent again with the very same parameters.
 */
public class CustomsAnswers {

    private final DeclarationRows rows;
    private final StatusHistory history;
    private final AdmissionPolicy policy;
    private final CustomsResultCodes codes;
    private final Clock clock;

    public CustomsAnswers(DeclarationRows rows, StatusHistory history, AdmissionPolicy policy,
                          CustomsResultCodes codes, Clock clock) {
        this.rows = rows;
        this.history = history;
        this.policy = policy;
        this.codes = codes;
        this.clock = clock;
    }

    /** @return an admission to re-declare (an unknown declaration the gateway never received), or to do nothing */
    public Admission record(CustomsAnswer answer) {
        return rows.inTransaction(() -> {
            Optional<StoredDeclaration> found = rows.lock(answer.declarationRequestId());
            if (found.isEmpty()) {
                return Admission.toReport(null, null);
            }
            StoredDeclaration stored = found.get();
            OffsetDateTime now = LedgerTime.now(clock);
            if (!answer.found()) {
                if (policy.resendsUnknownToGateway(stored, now)) {
                    Declaration declaration = Declaration.fromFields(rows.fieldsOf(stored));
                    Claim claim = policy.claims().claim(now);
                    rows.claimForResend(declaration, stored.origin(), stored, claim, now);
                    return Admission.toSend(declaration, claim);
                }
                return Admission.toReport(null, stored.state(stored.resultMessage()));
            }
            if (!policy.takesCustomsAnswer(stored, now)) {
                return Admission.toReport(null, stored.state(stored.resultMessage()));
            }
            DeclarationStatus status = answer.status() != null ? answer.status()
                    : codes.statusOf(answer.customsResultCode());
            rows.recordCustomsResult(stored.id(), status, answer.customsResultCode(), answer.customsResultMessage(),
                    now);
            DeclarationStatus previous = stored.publicStatus();
            if (status != previous) {
                history.record(new StatusChange(true, stored.id(), stored.paymentId(), stored.gateway(), previous,
                        status, answer.customsResultCode(), answer.customsResultMessage(),
                        stored.alipayDeclarationId(), answer.customsResultCode()), now);
            }
            return Admission.toReport(null, new DeclarationState(stored.id(), stored.gateway(), status,
                    answer.customsResultCode(), answer.customsResultMessage(), stored.alipayDeclarationId()));
        });
    }
}
