package org.customsbridge.declare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;

/** Outcomes and resends of declare calls on a real ledger schema, without the bundle. */
class DeclareCallsTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final DeclareCalls calls = new DeclareCalls(ledger.rows, ledger.history, ledger.clock);

    @Test
    void aFirstCallsOutcomeReleasesTheClaimAndIsOneStatusChange() {
        claimNew("DEC-1");

        DeclarationState state = calls.recordOutcome(new DeclareOutcome("DEC-1", DeclarationStatus.ACCEPTED, "S",
                "success", "ALIPAY-DEC-1", "ALIPAY-PAY-1"), declaration("DEC-1"));

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
                null), declaration("DEC-1"));
        claimForResend("DEC-1");

        DeclarationState state = calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"),
                declaration("DEC-1"));

        assertThat(state.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(state.alipayDeclarationId()).isEqualTo("ALIPAY-DEC-1");
        assertThat(ledger.column("DEC-1", "status_before_declaring", String.class)).isNull();
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED", "ACCEPTED>UNKNOWN");
    }

    @Test
    void anOutcomeThatLeavesTheStatusAsItWasIsNoStatusChange() {
        claimNew("DEC-1");
        calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"), declaration("DEC-1"));
        claimForResend("DEC-1");

        calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "HTTP_502", "bad gateway"), declaration("DEC-1"));

        assertThat(ledger.column("DEC-1", "result_code", String.class)).isEqualTo("HTTP_502");
        assertThat(ledger.history("DEC-1")).containsExactly("->UNKNOWN");
    }

    @Test
    void anOutcomeWithoutARowIsAnError() {
        assertThatThrownBy(() -> calls.recordOutcome(DeclareOutcome.unknown("DEC-9", "NO_ANSWER", "timeout"),
                declaration("DEC-9"))).hasMessage("no ledger row for DEC-9");
    }

    @Test
    void eachResendIsCounted() {
        claimNew("DEC-1");
        ledger.clock.advance(Duration.ofSeconds(3));

        calls.countResend("DEC-1");
        calls.countResend("DEC-1");

        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(3);
        assertThat(ledger.column("DEC-1", "last_declared_at", OffsetDateTime.class)).isEqualTo(ledger.now());
    }

    void claimNew(String id) {
        ledger.rows.insertClaimed(declaration(id), source(1), claim(), ledger.now());
    }

    void claimForResend(String id) {
        ledger.rows.inTransaction(() -> {
            StoredDeclaration stored = ledger.rows.lock(id).orElseThrow();
            ledger.rows.claimForResend(declaration(id), stored.origin(), stored, claim(), ledger.now());
            return null;
        });
    }

    Claim claim() {
        return new Claim("this-node", ledger.now().plusMinutes(2));
    }
}
