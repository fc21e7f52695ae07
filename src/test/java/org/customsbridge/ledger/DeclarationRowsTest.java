package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;

import java.util.Map;

import org.customsbridge.record.RawRecord;
import org.customsbridge.testsupport.LedgerDatabase;
import org.customsbridge.validation.InvalidRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** How declaration rows, history and status events are stored (a real schema, no bundle). */
class DeclarationRowsTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final DeclarationRows rows = ledger.rows;

    @Test
    void theKeyDecidesWhoClaimsANewId() {
        rows.insertClaimed(declaration("DEC-1"), source(1), claim("node-a"), ledger.now());

        assertThatThrownBy(() -> rows.insertClaimed(declaration("DEC-1"), source(1), claim("node-b"), ledger.now()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(rows.find("DEC-1")).get().extracting(StoredDeclaration::claimedBy).isEqualTo("node-a");
    }

    @Test
    void aConditionalClaimOfAKnownIdInsertsNothingAndLeavesItsTransactionUsable() {
        boolean second = ledger.transactions.execute(tx -> {
            assertThat(rows.insertClaimedIfNew(declaration("DEC-1"), source(1), claim("node-a"), ledger.now())).isTrue();
            boolean again = rows.insertClaimedIfNew(declaration("DEC-1"), source(2), claim("node-b"), ledger.now());
            // PostgreSQL would refuse any further statement of a transaction that met a key violation
            rows.insertClaimed(declaration("DEC-2"), source(3), claim("node-a"), ledger.now());
            return again;
        });

        assertThat(second).isFalse();
        assertThat(rows.find("DEC-1")).get().extracting(StoredDeclaration::claimedBy).isEqualTo("node-a");
        assertThat(rows.find("DEC-2")).isPresent();
    }

    @Test
    void aStoredDeclarationReadsBackAsItWasDeclared() {
        rows.insertClaimed(declaration("DEC-1"), source(1), claim("node-a"), ledger.now());

        assertThat(rows.declaration("DEC-1")).get().extracting(d -> d.fingerprint())
                .isEqualTo(declaration("DEC-1").fingerprint());
        assertThat(rows.declaration("DEC-9")).isEmpty();
    }

    @Test
    void theFirstCallsOutcomeOnlyTakesARowStillInItsFirstCall() {
        Claim claim = claim("node-a");
        rows.insertClaimed(declaration("DEC-1"), source(1), claim, ledger.now());
        DeclareOutcome accepted = new DeclareOutcome("DEC-1", DeclarationStatus.ACCEPTED, "S", "ok", "A-1", null);

        assertThat(rows.recordFirstOutcome(accepted, declaration("DEC-1"), claim("node-a"), ledger.now()))
                .as("another claim's token").isFalse();
        assertThat(rows.recordFirstOutcome(accepted, declaration("DEC-1"), claim, ledger.now())).isTrue();
        assertThat(rows.recordFirstOutcome(accepted, declaration("DEC-1"), claim, ledger.now())).isFalse();

        StoredDeclaration stored = rows.find("DEC-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(stored.claimedUntil()).isNull();
        assertThat(stored.claimToken()).isNull();
    }

    @Test
    void aResendClaimKeepsThePublicStatusItStartedFrom() {
        rows.insertClaimed(declaration("DEC-1"), source(1), claim("node-a"), ledger.now());
        rows.recordOutcome(DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"), ledger.now());

        rows.inTransaction(() -> {
            StoredDeclaration stored = rows.lock("DEC-1").orElseThrow();
            rows.claimForResend(declaration("DEC-1"), stored.origin(), stored, claim("node-b"), ledger.now());
            return null;
        });

        StoredDeclaration claimed = rows.find("DEC-1").orElseThrow();
        assertThat(claimed.status()).isEqualTo(DeclarationStatus.DECLARING);
        assertThat(claimed.publicStatus()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(claimed.claimedBy()).isEqualTo("node-b");
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(2);
    }

    @Test
    void historyAndEventsAreWrittenTogetherAndARejectedRecordHasAnEventOnly() {
        rows.insertClaimed(declaration("DEC-1"), source(1), claim("node-a"), ledger.now());

        ledger.history.record(new StatusChange(true, "DEC-1", "PAY-DEC-1", "alipay-plus", null,
                DeclarationStatus.ACCEPTED, "S", "ok", "A-1", null), ledger.now());
        ledger.history.record(new StatusChange(false, "bad\u0000id", null, "alipay-plus", null,
                DeclarationStatus.INVALID, "INVALID_RECORD", "bad", null, null), ledger.now());

        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED");
        assertThat(ledger.events("DEC-1")).containsExactly("ACCEPTED");
        // PostgreSQL's text holds no NUL: raw values are stored with a '?' in its place
        assertThat(ledger.events("bad?id")).containsExactly("INVALID");
    }

    @Test
    void aRecordWithoutAValidIdIsKeptAsRejected() {
        RawRecord record = new RawRecord("orders.csv", 4, 4, Map.of("declarationRequestId", "x\u0000y"), null);

        rows.insertRejected(new InvalidRecord(record, "bad id", null, "alipay-plus"), ledger.now());

        assertThat(ledger.jdbc.queryForObject("select raw_request_id from rejected_record", String.class))
                .isEqualTo("x?y");
    }

    Claim claim(String node) {
        return Claim.made(node, ledger.now(), java.time.Duration.ofMinutes(2));
    }
}
