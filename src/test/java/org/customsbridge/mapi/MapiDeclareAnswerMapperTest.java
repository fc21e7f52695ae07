package org.customsbridge.mapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MapiDeclareAnswerMapperTest {

    private static final String ID = "20261124000001";

    private final MapiDeclareAnswerMapper mapper = new MapiDeclareAnswerMapper();

    static MapiAnswer business(Map<String, String> fields) {
        return new MapiAnswer(true, null, "sign", "MD5", "<alipay/>", Map.of(), fields, List.of());
    }

    static MapiAnswer gatewayError(String error) {
        return new MapiAnswer(false, error, null, null, null, Map.of(), Map.of(), List.of());
    }

    @Test
    void successIsAcceptedWithAlipaysIds() {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", "SUCCESS",
                "alipay_declare_no", "2026000000001", "trade_no", "2026112422001300000000000001",
                "out_request_no", ID)));

        assertThat(outcome).isEqualTo(new DeclareOutcome(ID, DeclarationStatus.ACCEPTED, "SUCCESS", null,
                "2026000000001", "2026112422001300000000000001"));
    }

    @Test
    void identityCheckIsReportedInTheMessage() {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", "SUCCESS",
                "alipay_declare_no", "2026000000001", "identity_check", "F")));

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(outcome.message()).isEqualTo("identity_check=F");
        assertThat(outcome.alipayPaymentId()).isNull();
    }

    @Test
    void successForAnotherOutRequestNoIsUnknownNeverAccepted() {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", "SUCCESS",
                "alipay_declare_no", "2026000000009", "out_request_no", "20261124000009")));

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(outcome.code()).isEqualTo("MISMATCHED_ANSWER");
        assertThat(outcome.alipayDeclarationId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVALID_PARAMETER", "CONTEXT_INCONSISTENT", "TRADE_NOT_EXIST", "SOMETHING_NEW"})
    void failIsDeclareFailedWithDetailCodeAndDescription(String code) {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", "FAIL",
                "detail_error_code", code, "detail_error_des", "described")));

        assertThat(outcome).isEqualTo(new DeclareOutcome(ID, DeclarationStatus.DECLARE_FAILED, code, "described",
                null, null));
    }

    @Test
    void aRefusedChangedResendSaysTheEarlierDeclarationStandsWhenAlipayGivesNoText() {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", "FAIL",
                "detail_error_code", "CONTEXT_INCONSISTENT")));

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.DECLARE_FAILED);
        assertThat(outcome.code()).isEqualTo("CONTEXT_INCONSISTENT");
        assertThat(outcome.message()).contains("changed resend").contains("declaration sent before stands");
        assertThat(mapper.refusesChangedResend("CONTEXT_INCONSISTENT")).isTrue();
        assertThat(mapper.refusesChangedResend("INVALID_PARAMETER")).isFalse();
    }

    @Test
    void theChangedResendCodesAreASetting() {
        MapiDeclareAnswerMapper other = new MapiDeclareAnswerMapper(MapiDeclareAnswerMapper.TRANSIENT_ERRORS,
                Set.of("REPEAT_REQ_INCONSISTENT"));

        assertThat(other.refusesChangedResend("REPEAT_REQ_INCONSISTENT")).isTrue();
        assertThat(other.refusesChangedResend("CONTEXT_INCONSISTENT")).isFalse();
        assertThat(other.toOutcome(ID, business(Map.of("result_code", "FAIL", "detail_error_code",
                "REPEAT_REQ_INCONSISTENT"))).message()).contains("changed resend");
        assertThat(other.toOutcome(ID, business(Map.of("result_code", "FAIL", "detail_error_code",
                "CONTEXT_INCONSISTENT"))).message()).isNull();
    }

    @Test
    void failWithoutDetailsIsStillAFailure() {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", "FAIL")));

        assertThat(outcome).isEqualTo(new DeclareOutcome(ID, DeclarationStatus.DECLARE_FAILED, "FAIL", null,
                null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ILLEGAL_SIGN", "ILLEGAL_PARTNER", "ILLEGAL_SERVICE", "ILLEGAL_SIGN_TYPE",
            "ILLEGAL_CHARSET", "HAS_NO_PRIVILEGE"})
    void gatewayErrorsAreConfigurationErrorsThatFail(String error) {
        DeclareOutcome outcome = mapper.toOutcome(ID, gatewayError(error));

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.DECLARE_FAILED);
        assertThat(outcome.code()).isEqualTo(error);
        assertThat(outcome.message()).contains(error).contains("partner, keys");
        assertThat(outcome.alipayDeclarationId()).isNull();
    }

    @Test
    void transientErrorsAreUnknownSoThatTheDeclarationIsResent() {
        assertThat(mapper.toOutcome(ID, gatewayError("SYSTEM_ERROR")).status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(mapper.toOutcome(ID, business(Map.of("result_code", "FAIL", "detail_error_code", "SYSTEM_ERROR",
                "detail_error_des", "system busy")))).isEqualTo(DeclareOutcome.unknown(ID, "SYSTEM_ERROR",
                "system busy"));
        MapiDeclareAnswerMapper other = new MapiDeclareAnswerMapper(Set.of("SESSION_TIMEOUT"));
        assertThat(other.toOutcome(ID, gatewayError("SESSION_TIMEOUT")).status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(other.toOutcome(ID, gatewayError("SYSTEM_ERROR")).status())
                .isEqualTo(DeclarationStatus.DECLARE_FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "success", "PROCESSING", "T"})
    void anyOtherResultCodeIsUnknown(String resultCode) {
        DeclareOutcome outcome = mapper.toOutcome(ID, business(Map.of("result_code", resultCode,
                "alipay_declare_no", "2026000000001")));

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(outcome.alipayDeclarationId()).isNull();
    }

    @Test
    void noResultCodeIsUnknown() {
        assertThat(mapper.toOutcome(ID, business(Map.of()))).isEqualTo(DeclareOutcome.unknown(ID, "NO_RESULT_CODE",
                "MAPI answer without result_code SUCCESS or FAIL"));
    }

    @Test
    void seedsBusinessFailureMapsToDeclareFailed() throws Exception {
        MapiAnswer answer = new MapiAnswerParser().parse(MapiSamples.SEED_000_BUSINESS_FAILURE);

        assertThat(mapper.toOutcome(ID, answer)).isEqualTo(new DeclareOutcome(ID, DeclarationStatus.DECLARE_FAILED,
                "INVALID_PARAMETER", "Declaration Form Parameters Illegal", null, null));
        assertThat(mapper.toOutcome(ID, new MapiAnswerParser().parse(MapiSamples.SEED_001_ILLEGAL_SIGN)).code())
                .isEqualTo("ILLEGAL_SIGN");
    }
}
