package org.customsbridge.alipayplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.tracking.CustomsAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Alipay+ declaration statuses: passed on as they come, an unknown one logged once. */
@ExtendWith(OutputCaptureExtension.class)
class InquiryMapperStatusesTest {

    static String answer(String status) {
        return """
                {"result":{"resultStatus":"S","resultCode":"SUCCESS"},"declarationRecords":[
                 {"customsDeclarationRequestId":"DEC-000001","declarationRequestStatus":"%s","customsResultCode":"2"}]}
                """.formatted(status);
    }

    @Test
    void anUnknownStatusIsLoggedOnceAndDecidesNothing(CapturedOutput output) throws Exception {
        InquiryMapper mapper = new InquiryMapper(new ObjectMapper(),
                new DeclarationRequestStatuses(Set.of("WAITING_FOR_PROCESSING")));

        List<CustomsAnswer> first = mapper.toAnswers(List.of("DEC-000001"), answer("CUSTOMS_RECEIVED"));
        mapper.toAnswers(List.of("DEC-000001"), answer("CUSTOMS_RECEIVED"));
        mapper.toAnswers(List.of("DEC-000001"), answer("WAITING_FOR_PROCESSING"));

        assertThat(first).containsExactly(new CustomsAnswer("DEC-000001", true, "2", null, "CUSTOMS_RECEIVED"));
        assertThat(output.getOut().split("declarationRequestStatus 'CUSTOMS_RECEIVED'", -1)).hasSize(2);
        assertThat(output.getOut()).contains("customs.alipay-plus.declaration-statuses")
                .doesNotContain("declarationRequestStatus 'WAITING_FOR_PROCESSING'");
    }

    @Test
    void theDefaultListHoldsWhatAlipayAndTheSimulatorShow(CapturedOutput output) throws Exception {
        InquiryMapper mapper = new InquiryMapper(new ObjectMapper());

        mapper.toAnswers(List.of("DEC-000001"), answer("WAITING_FOR_PROCESSING"));
        mapper.toAnswers(List.of("DEC-000001"), answer("SUCCESS"));

        assertThat(output.getOut()).doesNotContain("declarationRequestStatus '");
    }
}
