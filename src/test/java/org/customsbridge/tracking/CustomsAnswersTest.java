package org.customsbridge.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

import org.customsbridge.admission.Admission;
import org.customsbridge.admission.AdmissionPolicy;
import org.customsbridge.admission.Claims;
import org.customsbridge.admission.RetransmissionRule;
import org.customsbridge.declare.DeclareCalls;
import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;

/** Applying query answers to ledger rows (a real schema, no bundle). */
class CustomsAnswersTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final AdmissionPolicy policy = new AdmissionPolicy(new Claims("this-node", Duration.ofMinutes(2),
            Set.of("this-node")::contains), new RetransmissionRule(Duration.ofMinutes(5)));
    final CustomsAnswers answers = new CustomsAnswers(ledger.rows, ledger.history, policy,
            new CustomsResultCodes(Set.of("2", "120")), ledger.clock);
    final DeclareCalls calls = new DeclareCalls(ledger.rows, ledger.history, policy.claims(), ledger.clock);

    @Test
    void anAcceptedCodeSettlesTheDeclaration() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);

        Admission admission = answers.record(new CustomsAnswer("DEC-1", true, "2", "passed", "SUCCESS"));

        assertThat(admission.send()).isFalse();
        assertThat(admission.state().status()).isEqualTo(DeclarationStatus.CUSTOMS_ACCEPTED);
        assertThat(ledger.column("DEC-1", "customs_result_code", String.class)).isEqualTo("2");
        assertThat(ledger.column("DEC-1", "customs_result_at", OffsetDateTime.class)).isEqualTo(ledger.now());
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED", "ACCEPTED>CUSTOMS_ACCEPTED");
        assertThat(ledger.jdbc.queryForObject("select customs_result from status_event where status = "
                + "'CUSTOMS_ACCEPTED'", String.class)).isEqualTo("2");
    }

    @Test
    void aPendingAnswerIsOneStatusChangeAndNoCustomsResultYet() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);

        answers.record(new CustomsAnswer("DEC-1", true, null, null, "WAITING_FOR_PROCESSING"));
        answers.record(new CustomsAnswer("DEC-1", true, "1", "in progress", "WAITING_FOR_PROCESSING"));

        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("CUSTOMS_PENDING");
        assertThat(ledger.column("DEC-1", "customs_result_at", OffsetDateTime.class)).isNull();
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED", "ACCEPTED>CUSTOMS_PENDING");
    }

    @Test
    void aFinalStatusIsNeverChangedAgain() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);
        answers.record(new CustomsAnswer("DEC-1", true, "-1", "rejected", "FAIL"));

        Admission later = answers.record(new CustomsAnswer("DEC-1", true, "2", "passed", "SUCCESS"));

        assertThat(later.state().status()).isEqualTo(DeclarationStatus.CUSTOMS_REJECTED);
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("CUSTOMS_REJECTED");
    }

    @Test
    void anUnknownDeclarationTheGatewayNeverReceivedIsSentAgainUnchanged() {
        declared("DEC-1", DeclarationStatus.UNKNOWN);

        Admission admission = answers.record(CustomsAnswer.notFound("DEC-1"));

        assertThat(admission.send()).isTrue();
        assertThat(admission.declaration().fingerprint()).isEqualTo(declaration("DEC-1").fingerprint());
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARING");
        assertThat(ledger.column("DEC-1", "status_before_declaring", String.class)).isEqualTo("UNKNOWN");
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(2);
    }

    @Test
    void notFoundLeavesAnAcceptedDeclarationAlone() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);

        Admission admission = answers.record(CustomsAnswer.notFound("DEC-1"));

        assertThat(admission.send()).isFalse();
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("ACCEPTED");
    }

    @Test
    void anAnswerForAnIdTheLedgerDoesNotHoldChangesNothing() {
        Admission admission = answers.record(new CustomsAnswer("DEC-9", true, "2", "passed", "SUCCESS"));

        assertThat(admission.send()).isFalse();
        assertThat(admission.state()).isNull();
    }

    void declared(String id, DeclarationStatus status) {
        Claim claim = policy.claims().claim(ledger.now());
        ledger.rows.insertClaimed(declaration(id), source(1), claim, ledger.now());
        calls.recordOutcome(new DeclareOutcome(id, status, status.name(), "declared", null, null), declaration(id),
                claim);
    }
}
