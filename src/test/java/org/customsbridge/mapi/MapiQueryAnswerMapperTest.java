package org.customsbridge.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.tracking.CustomsAnswer;
import org.junit.jupiter.api.Test;

class MapiQueryAnswerMapperTest {

    private final MapiQueryAnswerMapper mapper = new MapiQueryAnswerMapper();

    @Test
    void everyRecordAndEveryNotFoundIdBecomesItsOwnAnswer() throws Exception {
        MapiAnswer answer = new MapiAnswer(true, null, "sign", "MD5", "<alipay/>", Map.of(),
                Map.of("result_code", "SUCCESS", "not_found", "ID-000003, ID-000004"),
                List.of(Map.of("out_request_no", "ID-000001", "status", "succ", "customs_code", "120",
                                "customs_info", "verified"),
                        Map.of("out_request_no", "ID-000002", "status", "ws", "customs_code", ""),
                        Map.of("out_request_no", "NOT-ASKED", "status", "succ")));

        List<CustomsAnswer> answers = mapper.toAnswers(List.of("ID-000001", "ID-000002", "ID-000003", "ID-000004"),
                answer);

        assertThat(answers).containsExactly(
                new CustomsAnswer("ID-000001", true, "120", "verified", "succ"),
                new CustomsAnswer("ID-000002", true, null, null, "ws"),
                CustomsAnswer.notFound("ID-000003"),
                CustomsAnswer.notFound("ID-000004"));
    }

    @Test
    void aFailedQueryIsAnError() {
        MapiAnswer failed = new MapiAnswer(true, null, "sign", "MD5", "<alipay/>", Map.of(),
                Map.of("result_code", "FAIL", "detail_error_code", "MAX_OUT_REQUEST_NO_EXCEEDED",
                        "detail_error_des", "too many"), List.of());
        assertThatThrownBy(() -> mapper.toAnswers(List.of("ID-000001"), failed))
                .isInstanceOf(NoTrustedAnswerException.class).hasMessageContaining("MAX_OUT_REQUEST_NO_EXCEEDED");

        MapiAnswer refused = new MapiAnswer(false, "ILLEGAL_SIGN", null, null, null, Map.of(), Map.of(), List.of());
        assertThatThrownBy(() -> mapper.toAnswers(List.of("ID-000001"), refused))
                .isInstanceOf(NoTrustedAnswerException.class).hasMessageContaining("ILLEGAL_SIGN");
    }
}
