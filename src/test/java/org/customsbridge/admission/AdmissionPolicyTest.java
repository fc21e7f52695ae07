package org.customsbridge.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.with;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.customsbridge.admission.AdmissionPolicy.Decision;
import org.customsbridge.admission.AdmissionPolicy.Verdict;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.record.Declaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The admission decisions alone: no database, no bundle. */
class AdmissionPolicyTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T08:00:00Z");
    static final Duration WAIT = Duration.ofMinutes(5);
    static final Declaration DECLARED = declaration("DEC-1");

    final AdmissionPolicy policy = new AdmissionPolicy(new Claims("this-node", Duration.ofMinutes(2),
            Set.of("this-node", "live-node")::contains), new RetransmissionRule(WAIT));

    @Test
    void aCallInFlightOnALiveNodeIsWaitedFor() {
        StoredDeclaration row = row(DeclarationStatus.DECLARING, NOW.plusMinutes(1), "live-node", NOW);

        assertThat(decide(row, DECLARED).verdict()).isEqualTo(Verdict.WAIT);
    }

    @Test
    void aCallCutOffByADeadNodeOrAnExpiredClaimIsResent() {
        assertThat(decide(row(DeclarationStatus.DECLARING, NOW.plusMinutes(1), "dead-node", NOW), DECLARED).verdict())
                .isEqualTo(Verdict.SEND);
        assertThat(decide(row(DeclarationStatus.DECLARING, NOW.minusSeconds(1), "live-node", NOW), DECLARED).verdict())
                .isEqualTo(Verdict.SEND);
    }

    @Test
    void anUnansweredCallWithIdenticalDataIsResent() {
        assertThat(decide(row(DeclarationStatus.UNKNOWN, null, null, NOW), DECLARED).verdict())
                .isEqualTo(Verdict.SEND);
    }

    @ParameterizedTest
    @EnumSource(value = DeclarationStatus.class, names = {"ACCEPTED", "DECLARE_FAILED", "CUSTOMS_PENDING",
            "CUSTOMS_ACCEPTED", "CUSTOMS_REJECTED"})
    void identicalDataIsNeverSentTwice(DeclarationStatus status) {
        assertThat(decide(row(status, null, null, NOW.minusDays(1)), DECLARED).verdict()).isEqualTo(Verdict.REPORT);
    }

    @Test
    void identicalDataNeedsNoStoredFields() {
        Supplier<Map<String, String>> unread = () -> {
            throw new AssertionError("the stored fields were read");
        };

        assertThat(policy.decide(row(DeclarationStatus.ACCEPTED, null, null, NOW), DECLARED, unread, NOW).verdict())
                .isEqualTo(Verdict.REPORT);
    }

    @Test
    void aRecordThatWasInvalidIsSentOnceCorrected() {
        StoredDeclaration invalid = new StoredDeclaration("DEC-1", "PAY-DEC-1", "alipay-plus", "", "",
                DeclarationStatus.INVALID, "INVALID_RECORD", "bad amount", null, null, null, "orders.csv", 3, null,
                null, null, null, null, null);

        assertThat(policy.decide(invalid, DECLARED, Map::of, NOW).verdict()).isEqualTo(Verdict.SEND);
    }

    @Test
    void anAllowedChangeWaitsForTheRetransmissionWaitAfterTheLastCall() {
        Declaration changed = with(DECLARED, "amount", "99.00");
        StoredDeclaration row = row(DeclarationStatus.ACCEPTED, null, null, NOW.minusMinutes(2));

        Decision decision = decide(row, changed);

        assertThat(decision.verdict()).isEqualTo(Verdict.SCHEDULE);
        assertThat(decision.changed()).containsExactly("amount");
        assertThat(decision.sendAt()).isEqualTo(NOW.plusMinutes(3));
    }

    @Test
    void anAllowedChangeIsSentOnceTheWaitIsOver() {
        Declaration changed = with(with(DECLARED, "customsCode", "NINGBO"), "merchantCustomsName", "other");
        StoredDeclaration row = row(DeclarationStatus.CUSTOMS_ACCEPTED, null, null, NOW.minus(WAIT));

        Decision decision = decide(row, changed);

        assertThat(decision.verdict()).isEqualTo(Verdict.SEND);
        assertThat(decision.changed()).containsExactly("customsCode", "merchantCustomsName");
    }

    @Test
    void aChangeOfAFieldThatMayNotChangeIsRefused() {
        Declaration changed = with(with(DECLARED, "paymentId", "PAY-OTHER"), "amount", "1.00");

        Decision decision = decide(row(DeclarationStatus.ACCEPTED, null, null, NOW.minusDays(1)), changed);

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decision.changed()).containsExactly("paymentId");
    }

    @Test
    void aQueryThatFindsNothingResendsOnlyAnUnsettledCallNobodyHolds() {
        assertThat(policy.resendsUnknownToGateway(row(DeclarationStatus.UNKNOWN, null, null, NOW), NOW)).isTrue();
        assertThat(policy.resendsUnknownToGateway(row(DeclarationStatus.DECLARING, NOW.plusMinutes(1), "dead-node",
                NOW), NOW)).isTrue();
        assertThat(policy.resendsUnknownToGateway(row(DeclarationStatus.DECLARING, NOW.plusMinutes(1), "live-node",
                NOW), NOW)).isFalse();
        assertThat(policy.resendsUnknownToGateway(row(DeclarationStatus.ACCEPTED, null, null, NOW), NOW)).isFalse();
    }

    @Test
    void aCustomsAnswerChangesNeitherAHeldCallNorAFinalStatus() {
        assertThat(policy.takesCustomsAnswer(row(DeclarationStatus.ACCEPTED, null, null, NOW), NOW)).isTrue();
        assertThat(policy.takesCustomsAnswer(row(DeclarationStatus.UNKNOWN, null, null, NOW), NOW)).isTrue();
        assertThat(policy.takesCustomsAnswer(row(DeclarationStatus.DECLARING, NOW.plusMinutes(1), "live-node", NOW),
                NOW)).isFalse();
        assertThat(policy.takesCustomsAnswer(row(DeclarationStatus.CUSTOMS_REJECTED, null, null, NOW), NOW)).isFalse();
        assertThat(policy.takesCustomsAnswer(row(DeclarationStatus.DECLARE_FAILED, null, null, NOW), NOW)).isFalse();
    }

    @Test
    void changedFieldsComeInRecordOrder() {
        Map<String, String> before = DECLARED.fields();
        Map<String, String> after = with(with(DECLARED, "amount", "1.00"), "customsCode", "NINGBO").fields();

        assertThat(RetransmissionRule.changedFields(before, after)).isEqualTo(List.of("customsCode", "amount"));
        assertThat(RetransmissionRule.changedFields(before, before)).isEmpty();
    }

    Decision decide(StoredDeclaration row, Declaration declaration) {
        return policy.decide(row, declaration, DECLARED::fields, NOW);
    }

    static StoredDeclaration row(DeclarationStatus status, OffsetDateTime claimedUntil, String claimedBy,
                                 OffsetDateTime lastDeclaredAt) {
        return new StoredDeclaration(DECLARED.declarationRequestId(), DECLARED.paymentId(), DECLARED.gateway(),
                DECLARED.fingerprint(), "{}", status, null, null, null, claimedUntil, null, "orders.csv", 1,
                lastDeclaredAt, claimedBy, null, null, null, null);
    }
}
