package org.customsbridge.declare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.customsbridge.admission.Claims;
import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Outcomes and resends of declare calls on a real ledger schema, without the bundle. */
@ExtendWith(OutputCaptureExtension.class)
class DeclareCallsTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final Set<String> liveNodes = new HashSet<>(Set.of("this-node", "other-node"));
    final DeclareCalls calls = new DeclareCalls(ledger.rows, ledger.history,
            new Claims("this-node", Duration.ofMinutes(2), liveNodes::contains), ledger.clock);
    Claim current;

    @Test
    void aFirstCallsOutcomeReleasesTheClaimAndIsOneStatusChange() {
        claimNew("DEC-1");

        DeclarationState state = calls.recordOutcome(new DeclareOutcome("DEC-1", DeclarationStatus.ACCEPTED, "S",
                "success", "ALIPAY-DEC-1", "ALIPAY-PAY-1"), declaration("DEC-1"), current);

        assertThat(state.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(state.alipayDeclarationId()).isEqualTo("ALIPAY-DEC-1");
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("ACCEPTED");
        assertThat(ledger.column("DEC-1", "claimed_by", String.class)).isNull();
        assertThat(ledger.column("DEC-1", "alipay_payment_id", String.class)).isEqualTo("ALIPAY-PAY-1");
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED");
        assertThat(ledger.events("DEC-1")).containsExactly("ACCEPTED");
    }

    @Test
    void aResendsOutcomeKeepsTheAlipayIdAndChangesFromTheStatusItStartedFrom() {
        claimNew("DEC-1");
        calls.recordOutcome(new DeclareOutcome("DEC-1", DeclarationStatus.ACCEPTED, "S", "success", "ALIPAY-DEC-1",
                null), declaration("DEC-1"), current);
        claimForResend("DEC-1");

        DeclarationState state = calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"),
                declaration("DEC-1"), current);

        assertThat(state.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(state.alipayDeclarationId()).isEqualTo("ALIPAY-DEC-1");
        assertThat(ledger.column("DEC-1", "status_before_declaring", String.class)).isNull();
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED", "ACCEPTED>UNKNOWN");
    }

    @Test
    void anOutcomeThatLeavesTheStatusAsItWasIsNoStatusChange() {
        claimNew("DEC-1");
        calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"), declaration("DEC-1"), current);
        claimForResend("DEC-1");

        calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "HTTP_502", "bad gateway"), declaration("DEC-1"), current);

        assertThat(ledger.column("DEC-1", "result_code", String.class)).isEqualTo("HTTP_502");
        assertThat(ledger.history("DEC-1")).containsExactly("->UNKNOWN");
    }

    @Test
    void anOutcomeWithoutARowIsAnError() {
        assertThatThrownBy(() -> calls.recordOutcome(DeclareOutcome.unknown("DEC-9", "NO_ANSWER", "timeout"),
                declaration("DEC-9"), claim("this-node"))).hasMessage("no ledger row for DEC-9");
    }

    @Test
    void anOutcomeWrittenAgainAfterItsCommitsAnswerWasLostFindsItselfThere(CapturedOutput output) {
        claimNew("DEC-1");
        DeclareOutcome accepted = new DeclareOutcome("DEC-1", DeclarationStatus.ACCEPTED, "S", "success",
                "ALIPAY-DEC-1", null);
        calls.recordOutcome(accepted, declaration("DEC-1"), current);   // committed, but its answer was lost

        DeclarationState again = calls.recordOutcome(accepted, declaration("DEC-1"), current);

        assertThat(again.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(again.alipayDeclarationId()).isEqualTo("ALIPAY-DEC-1");
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED");
        assertThat(output).as("no takeover reported").doesNotContain("taken over");
    }

    @Test
    void anOutcomeUnderAClaimTakenOverIsNotWrittenAndTheHoldersOutcomeIsReported(CapturedOutput output) {
        claimNew("DEC-1");
        Claim lost = current;
        current = claimForResend("DEC-1", "other-node");
        calls.recordOutcome(new DeclareOutcome("DEC-1", DeclarationStatus.ACCEPTED, "S", "success", null, null),
                declaration("DEC-1"), current);

        DeclarationState state = calls.recordOutcome(new DeclareOutcome("DEC-1", DeclarationStatus.UNKNOWN, "U",
                "unknown", "ALIPAY-DEC-1", "ALIPAY-PAY-1"), declaration("DEC-1"), lost);

        assertThat(state.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("ACCEPTED");
        assertThat(ledger.column("DEC-1", "alipay_declaration_id", String.class))
                .as("the Alipay ids of the lost call are kept").isEqualTo("ALIPAY-DEC-1");
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED");
        assertThat(output).contains("The claim on DEC-1 was taken over");
    }

    @Test
    void anOutcomeUnderAClaimWhoseHoldersCallWasCutOffToo() {
        claimNew("DEC-1");
        Claim lost = current;
        current = claimForResend("DEC-1", "other-node");
        liveNodes.remove("other-node");

        DeclarationState state = calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"),
                declaration("DEC-1"), lost);

        assertThat(state.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(state.code()).isEqualTo("CLAIM_TAKEN_OVER");
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARING");
        assertThat(ledger.column("DEC-1", "claimed_by", String.class)).isEqualTo("other-node");
    }

    void claimNew(String id) {
        current = claim("this-node");
        ledger.rows.insertClaimed(declaration(id), source(1), current, ledger.now());
    }

    void claimForResend(String id) {
        current = claimForResend(id, "this-node");
    }

    Claim claimForResend(String id, String node) {
        Claim claim = claim(node);
        ledger.rows.inTransaction(() -> {
            StoredDeclaration stored = ledger.rows.lock(id).orElseThrow();
            ledger.rows.claimForResend(declaration(id), stored.origin(), stored, claim, ledger.now());
            return null;
        });
        return claim;
    }

    Claim claim(String node) {
        return Claim.made(node, ledger.now(), Duration.ofMinutes(2));
    }
}
