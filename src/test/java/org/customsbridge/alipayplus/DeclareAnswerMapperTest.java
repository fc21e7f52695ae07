package org.customsbridge.alipayplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeclareAnswerMapperTest {

    private static final String ID = "DEC-20261124-0001";

    private final DeclareAnswerMapper mapper = new DeclareAnswerMapper(new ObjectMapper());

    @Test
    void successIsAcceptedWithAlipaysIds() {
        DeclareOutcome outcome = mapper.toOutcome(ID, """
                {"result":{"resultStatus":"S","resultCode":"SUCCESS","resultMessage":"Success"},
                 "pspPaymentId":"2026112422001300000000000001","pspDeclarationRequestId":"2026000000001",
                 "pspCustomsCode":"31222699S7","clearingChannel":"NUCC","clearingTransactionId":"CLR1",
                 "pspOrderAmount":{"currency":"CNY","value":"12345"},"somethingNew":{"a":1}}""");

        assertThat(outcome).isEqualTo(new DeclareOutcome(ID, DeclarationStatus.ACCEPTED, "SUCCESS", "Success",
                "2026000000001", "2026112422001300000000000001"));
    }

    @Test
    void successWithoutIdsIsStillAccepted() {
        DeclareOutcome outcome = mapper.toOutcome(ID,
                "{\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"}}");

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(outcome.alipayDeclarationId()).isNull();
        assertThat(outcome.alipayPaymentId()).isNull();
        assertThat(outcome.message()).isNull();
    }

    @Test
    void failureIsDeclareFailedWithCodeAndMessage() {
        DeclareOutcome outcome = mapper.toOutcome(ID, """
                {"result":{"resultStatus":"F","resultCode":"REPEAT_REQ_INCONSISTENT",
                 "resultMessage":"Repeated requests are inconsistent."},"pspDeclarationRequestId":"ignored"}""");

        assertThat(outcome).isEqualTo(new DeclareOutcome(ID, DeclarationStatus.DECLARE_FAILED,
                "REPEAT_REQ_INCONSISTENT", "Repeated requests are inconsistent.", null, null));
    }

    @Test
    void resultMsgSpellingIsAcceptedToo() {
        DeclareOutcome outcome = mapper.toOutcome(ID,
                "{\"result\":{\"resultStatus\":\"F\",\"resultCode\":\"PARAM_ILLEGAL\",\"resultMsg\":\"bad field\"}}");

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.DECLARE_FAILED);
        assertThat(outcome.message()).isEqualTo("bad field");
    }

    @Test
    void resultMessageWinsOverResultMsg() {
        DeclareOutcome outcome = mapper.toOutcome(ID, "{\"result\":{\"resultStatus\":\"F\",\"resultCode\":\"X\","
                + "\"resultMsg\":\"short\",\"resultMessage\":\"long\"}}");

        assertThat(outcome.message()).isEqualTo("long");
    }

    @Test
    void nullResultMessageFallsBackToResultMsg() {
        DeclareOutcome outcome = mapper.toOutcome(ID, "{\"result\":{\"resultStatus\":\"F\",\"resultCode\":\"X\","
                + "\"resultMessage\":null,\"resultMsg\":\"short\"}}");

        assertThat(outcome.message()).isEqualTo("short");
    }

    @Test
    void unknownIsUnknownWithCodeAndMessage() {
        DeclareOutcome outcome = mapper.toOutcome(ID, "{\"result\":{\"resultStatus\":\"U\","
                + "\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultMessage\":\"An API calling is failed\"}}");

        assertThat(outcome).isEqualTo(DeclareOutcome.unknown(ID, "UNKNOWN_EXCEPTION", "An API calling is failed"));
    }

    @Test
    void unknownWithoutCodeOrMessageStillExplainsItself() {
        DeclareOutcome outcome = mapper.toOutcome(ID, "{\"result\":{\"resultStatus\":\"U\"}}");

        assertThat(outcome).isEqualTo(DeclareOutcome.unknown(ID, "UNKNOWN", "Alipay+ result status U"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "SUCCESS", "X", ""})
    void anyOtherStatusIsUnknownNeverAccepted(String status) {
        DeclareOutcome outcome = mapper.toOutcome(ID,
                "{\"result\":{\"resultStatus\":\"" + status + "\",\"resultCode\":\"SUCCESS\"}}");

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(outcome.code()).isEqualTo("SUCCESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>502 Bad Gateway</body></html>", "{\"result\":", "not json", "{'a':1}"})
    void garbageIsUnknownNotJson(String body) {
        assertThat(mapper.toOutcome(ID, body))
                .isEqualTo(DeclareOutcome.unknown(ID, "UNREADABLE_ANSWER", "Alipay+ answer is not JSON"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"{}", "[]", "null", "42", "\"S\"", "{\"result\":\"S\"}", "{\"result\":null}",
            "{\"resultStatus\":\"S\"}", "   "})
    void answerWithoutAResultObjectIsUnknown(String body) {
        DeclareOutcome outcome = mapper.toOutcome(ID, body);

        assertThat(outcome.status()).isEqualTo(DeclarationStatus.UNKNOWN);
        assertThat(outcome.declarationRequestId()).isEqualTo(ID);
        assertThat(outcome.code()).isEqualTo("UNREADABLE_ANSWER");
    }
}
