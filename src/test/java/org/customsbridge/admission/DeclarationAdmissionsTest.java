package org.customsbridge.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;
import static org.customsbridge.testsupport.Declarations.wechat;
import static org.customsbridge.testsupport.Declarations.with;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.customsbridge.declare.DeclareCalls;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.customsbridge.testsupport.LedgerDatabase;
import org.customsbridge.validation.InvalidRecord;
import org.customsbridge.wechat.WechatOrderKeys;
import org.junit.jupiter.api.Test;

/** Admissions on a real ledger schema (in-memory H2, or PostgreSQL with -Ppostgres), without the bundle. */
class DeclarationAdmissionsTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final Set<String> liveNodes = new java.util.HashSet<>(Set.of("this-node"));
    final DeclarationAdmissions admissions = admissions("this-node", Duration.ofMinutes(2));
    final DeclareCalls calls = new DeclareCalls(ledger.rows, ledger.history,
            new Claims("this-node", Duration.ofMinutes(2), liveNodes::contains), ledger.clock);

    DeclarationAdmissions admissions(String node, Duration claimTtl) {
        return new DeclarationAdmissions(ledger.rows, ledger.history, new AdmissionPolicy(
                new Claims(node, claimTtl, liveNodes::contains), new RetransmissionRule(Duration.ofMinutes(5))),
                new WechatOrderKeys(), ledger.clock);
    }

    @Test
    void aNewIdIsClaimedForItsFirstCall() {
        Admission admission = admissions.admit(declaration("DEC-1"), source(2));

        assertThat(admission.send()).isTrue();
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARING");
        assertThat(ledger.column("DEC-1", "claimed_by", String.class)).isEqualTo("this-node");
        assertThat(ledger.column("DEC-1", "claimed_until", OffsetDateTime.class))
                .isEqualTo(ledger.now().plusMinutes(2));
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(1);
        assertThat(ledger.column("DEC-1", "source", String.class)).isEqualTo("orders.csv");
    }

    @Test
    void aDeclaredIdIsNeverSentTwice() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);

        Admission again = admissions.admit(declaration("DEC-1"), source(9));

        assertThat(again.send()).isFalse();
        assertThat(again.state().status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(again.state().message()).isEqualTo("already declared: accepted");
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(1);
    }

    @Test
    void anUnansweredCallIsClaimedAgainAndCounted() {
        declared("DEC-1", DeclarationStatus.UNKNOWN);

        Admission again = admissions.admit(declaration("DEC-1"), source(9));

        assertThat(again.send()).isTrue();
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARING");
        assertThat(ledger.column("DEC-1", "status_before_declaring", String.class)).isEqualTo("UNKNOWN");
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(2);
        assertThat(ledger.column("DEC-1", "source_line", Long.class)).isEqualTo(9L);
    }

    @Test
    void aCallHeldByALiveNodeIsWaitedForThenReportedInFlight() {
        liveNodes.add("other-node");
        admissions("other-node", Duration.ofMinutes(2)).admit(declaration("DEC-1"), source(2));

        Admission admission = admissions("this-node", Duration.ofMillis(300)).admit(declaration("DEC-1"), source(3));

        assertThat(admission.send()).isFalse();
        assertThat(admission.state().code()).isEqualTo("IN_FLIGHT");
        assertThat(ledger.column("DEC-1", "claimed_by", String.class)).isEqualTo("other-node");
    }

    @Test
    void aCallHeldByADeadNodeIsTakenOver() {
        admissions("dead-node", Duration.ofMinutes(2)).admit(declaration("DEC-1"), source(2));

        Admission admission = admissions.admit(declaration("DEC-1"), source(2));

        assertThat(admission.send()).isTrue();
        assertThat(ledger.column("DEC-1", "claimed_by", String.class)).isEqualTo("this-node");
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(2);
    }

    @Test
    void anEarlyRetransmissionIsScheduledAndSentWhenDue() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);
        Declaration changed = with(declaration("DEC-1"), "amount", "99.00");

        Admission early = admissions.admit(changed, source(5));

        assertThat(early.send()).isFalse();
        assertThat(early.state().code()).isEqualTo("RETRANSMISSION_SCHEDULED");
        assertThat(early.state().message()).startsWith("changed amount: retransmission scheduled for ");
        assertThat(admissions.dueRetransmissions()).isEmpty();

        ledger.clock.advance(Duration.ofMinutes(5));
        assertThat(admissions.dueRetransmissions()).singleElement().satisfies(due -> {
            assertThat(due.send()).isTrue();
            assertThat(due.declaration().fingerprint()).isEqualTo(changed.fingerprint());
        });
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARING");
        assertThat(ledger.column("DEC-1", "retransmit_after", OffsetDateTime.class)).isNull();
        assertThat(ledger.column("DEC-1", "fingerprint", String.class)).isEqualTo(changed.fingerprint());
        assertThat(admissions.dueRetransmissions()).isEmpty();
    }

    @Test
    void aChangeOfAFixedFieldIsRefusedAndTheDeclarationKept() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);

        Admission refused = admissions.admit(with(declaration("DEC-1"), "paymentId", "PAY-OTHER"), source(7));

        assertThat(refused.send()).isFalse();
        assertThat(refused.state().status()).isEqualTo(DeclarationStatus.INVALID);
        assertThat(refused.state().code()).isEqualTo("CHANGED_AFTER_DECLARATION");
        assertThat(refused.state().message()).startsWith("orders.csv line 7: declarationRequestId \"DEC-1\" was "
                + "already declared with different paymentId");
        assertThat(ledger.column("DEC-1", "payment_id", String.class)).isEqualTo("PAY-DEC-1");
    }

    @Test
    void anInvalidRecordGetsARowThatACorrectionThenClaims() {
        DeclarationState state = admissions.recordInvalid(invalid("DEC-1", "bad amount"));

        assertThat(state.status()).isEqualTo(DeclarationStatus.INVALID);
        assertThat(ledger.history("DEC-1")).containsExactly("->INVALID");
        admissions.recordInvalid(invalid("DEC-1", "still bad"));
        assertThat(ledger.events("DEC-1")).containsExactly("INVALID", "INVALID");
        assertThat(ledger.column("DEC-1", "result_message", String.class)).isEqualTo("still bad");

        assertThat(admissions.admit(declaration("DEC-1"), source(4)).send()).isTrue();
        assertThat(ledger.column("DEC-1", "status_before_declaring", String.class)).isEqualTo("INVALID");
    }

    @Test
    void anInvalidResubmissionNeverOverwritesADeclaration() {
        declared("DEC-1", DeclarationStatus.ACCEPTED);

        admissions.recordInvalid(invalid("DEC-1", "bad amount"));

        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("ACCEPTED");
        assertThat(ledger.history("DEC-1")).containsExactly("->ACCEPTED");
    }

    @Test
    void aRecordWithoutAValidIdIsRejectedWithAnEventButNoRow() {
        RawRecord record = new RawRecord("orders.csv", 3, 3, Map.of("declarationRequestId", "x".repeat(300)), null);

        DeclarationState state = admissions.recordInvalid(new InvalidRecord(record, "bad id", null, "alipay-plus"));

        assertThat(state.declarationRequestId()).hasSize(256);
        assertThat(ledger.jdbc.queryForObject("select count(*) from rejected_record", Integer.class)).isEqualTo(1);
        assertThat(ledger.jdbc.queryForObject("select count(*) from declaration", Integer.class)).isZero();
        assertThat(ledger.events(state.declarationRequestId())).containsExactly("INVALID");
    }

    @Test
    void aClaimOfThisNodeHoldsWhileItsWorkGoesOnAndIsResentAtOnceWhenThatEndedWithoutAnOutcome() {
        Claims claims = new Claims("this-node", Duration.ofMinutes(2), liveNodes::contains);
        DeclarationAdmissions admissions = new DeclarationAdmissions(ledger.rows, ledger.history,
                new AdmissionPolicy(claims, new RetransmissionRule(Duration.ofMinutes(5))), OrderKeys.NONE, ledger.clock);
        Admission first = admissions.admit(declaration("DEC-1"), source(2));
        assertThat(first.send()).isTrue();
        assertThat(claims.isHeld(ledger.rows.find("DEC-1").orElseThrow(), ledger.now())).isTrue();

        // its work ended without writing an outcome (the input was postponed by a ledger outage)
        claims.release(first.claim());
        assertThat(claims.isHeld(ledger.rows.find("DEC-1").orElseThrow(), ledger.now())).isFalse();
        Admission again = admissions.admit(declaration("DEC-1"), source(2));

        assertThat(again.send()).isTrue();
        assertThat(again.claim().token()).isNotEqualTo(first.claim().token());
        assertThat(ledger.column("DEC-1", "claim_token", String.class)).isEqualTo(again.claim().token());
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(2);
    }

    @Test
    void aSecondIdForAWechatOrderIsInvalidAndNeverSent() {
        Admission first = admissions.admit(wechat("DEC-1", "ORD-1", null), source(2));
        assertThat(first.send()).isTrue();

        Admission second = admissions.admit(wechat("DEC-2", "ORD-1", null), source(5));

        assertThat(second.send()).isFalse();
        assertThat(second.state().status()).isEqualTo(DeclarationStatus.INVALID);
        assertThat(second.state().code()).isEqualTo("INVALID_RECORD");
        assertThat(second.state().message()).isEqualTo("orders.csv line 5: merchantOrderNo \"ORD-1\" (unsplit) at "
                + "customsCode \"HANGZHOU_ZS\" is declared already, by declarationRequestId \"DEC-1\"; its gateway "
                + "takes one declaration of an order, so a correction goes under that id");
        assertThat(ledger.column("DEC-2", "status", String.class)).isEqualTo("INVALID");
        assertThat(ledger.column("DEC-2", "attempts", Integer.class)).isZero();
        assertThat(ledger.events("DEC-2")).containsExactly("INVALID");
        assertThat(ledger.rows.orderHolder("wechat|HANGZHOU_ZS|ORD-1|")).contains("DEC-1");

        // the same record again stays invalid, and says so again
        assertThat(admissions.admit(wechat("DEC-2", "ORD-1", null), source(5)).send()).isFalse();
        assertThat(ledger.events("DEC-2")).containsExactly("INVALID", "INVALID");
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARING");
    }

    @Test
    void eachSubOrderAndEachCustomsIsAnOrderOfItsOwn() {
        assertThat(admissions.admit(wechat("DEC-1", "ORD-1", "SUB-1"), source(2)).send()).isTrue();
        assertThat(admissions.admit(wechat("DEC-2", "ORD-1", "SUB-2"), source(3)).send()).isTrue();
        assertThat(admissions.admit(with(wechat("DEC-3", "ORD-1", "SUB-1"), "customsCode", "NINGBO"), source(4))
                .send()).isTrue();
        assertThat(admissions.admit(wechat("DEC-4", "ORD-1", null), source(5)).send()).isTrue();

        assertThat(admissions.admit(wechat("DEC-5", "ORD-1", "SUB-2"), source(6)).state().message())
                .contains("subOrderId \"SUB-2\"", "declarationRequestId \"DEC-2\"");
    }

    @Test
    void theIdThatHoldsAnOrderIsResentAndCorrectedAsAnyOther() {
        Admission first = admissions.admit(wechat("DEC-1", "ORD-1", null), source(2));
        calls.recordOutcome(DeclareOutcome.unknown("DEC-1", "TIMEOUT", "no answer"), wechat("DEC-1", "ORD-1", null),
                first.claim());

        assertThat(admissions.admit(wechat("DEC-1", "ORD-1", null), source(2)).send()).isTrue();
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(2);
    }

    @Test
    void anOrderWhoseDeclarationTheGatewayRefusedIsTakenOverByTheNextId() {
        Admission refused = admissions.admit(wechat("DEC-1", "ORD-1", null), source(2));
        calls.recordOutcome(new DeclareOutcome("DEC-1", DeclarationStatus.DECLARE_FAILED, "PARAM_ERROR",
                "transaction_id must be 28 digits", null, null), wechat("DEC-1", "ORD-1", null), refused.claim());

        assertThat(admissions.admit(wechat("DEC-2", "ORD-1", null), source(3)).send()).isTrue();

        assertThat(ledger.rows.orderHolder("wechat|HANGZHOU_ZS|ORD-1|")).contains("DEC-2");
        assertThat(admissions.admit(wechat("DEC-3", "ORD-1", null), source(4)).state().message())
                .contains("declarationRequestId \"DEC-2\"");
    }

    @Test
    void anInvalidRecordCorrectedIntoAnotherIdsOrderStaysInvalid() {
        admissions.recordInvalid(invalid("DEC-2", "bad amount"));
        admissions.admit(wechat("DEC-1", "ORD-1", null), source(2));

        Admission corrected = admissions.admit(wechat("DEC-2", "ORD-1", null), source(3));

        assertThat(corrected.send()).isFalse();
        assertThat(ledger.column("DEC-2", "result_message", String.class)).contains("declarationRequestId \"DEC-1\"");
        assertThat(ledger.history("DEC-2")).containsExactly("->INVALID", "INVALID>INVALID");

        // once valid and its order its own, a corrected invalid record holds its order
        assertThat(admissions.admit(wechat("DEC-2", "ORD-2", null), source(3)).send()).isTrue();
        assertThat(ledger.rows.orderHolder("wechat|HANGZHOU_ZS|ORD-2|")).contains("DEC-2");
    }

    @Test
    void idsRacingForOneOrderDeclareItOnce() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            for (int order = 1; order <= 20; order++) {
                String orderNo = "ORD-" + order;
                String ids = "DEC-" + order + "-";
                List<Callable<Admission>> admits = List.of(1, 2, 3, 4).stream().<Callable<Admission>>map(racer ->
                        () -> admissions.admit(wechat(ids + racer, orderNo, null), source(racer)))
                        .toList();
                long sent = 0;
                for (Future<Admission> admitted : racers.invokeAll(admits)) {
                    sent += admitted.get().send() ? 1 : 0;
                }
                assertThat(sent).as(orderNo).isEqualTo(1);
            }
        } finally {
            racers.shutdownNow();
        }
    }

    void declared(String id, DeclarationStatus status) {
        Admission admission = admissions.admit(declaration(id), source(1));
        assertThat(admission.send()).isTrue();
        calls.recordOutcome(new DeclareOutcome(id, status, status.name(), status.name().toLowerCase(), null, null),
                declaration(id), admission.claim());
    }

    static InvalidRecord invalid(String id, String message) {
        RawRecord record = new RawRecord("orders.csv", 3, 3, Map.of("declarationRequestId", id), null);
        return new InvalidRecord(record, message, id, "alipay-plus");
    }
}
