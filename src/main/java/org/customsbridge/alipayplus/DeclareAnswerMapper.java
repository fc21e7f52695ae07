package org.customsbridge.alipayplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;

/**
 * A verified {@code declare} answer as an outcome: result status S is accepted (by Alipay+, not yet
 * by customs), F failed, U or anything unreadable unknown.
 */
public class DeclareAnswerMapper {

    private final ObjectMapper mapper;

    public DeclareAnswerMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public DeclareOutcome toOutcome(@ExchangeProperty(CustomsConstants.DECLARATION_REQUEST_ID) String declarationRequestId,
                                    @Body String body) {
        JsonNode answer;
        try {
            answer = mapper.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return DeclareOutcome.unknown(declarationRequestId, "UNREADABLE_ANSWER", "Alipay+ answer is not JSON");
        }
        JsonNode result = answer == null ? null : answer.path("result");
        if (result == null || !result.isObject()) {
            return DeclareOutcome.unknown(declarationRequestId, "UNREADABLE_ANSWER", "Alipay+ answer has no result");
        }
        String status = result.path("resultStatus").asText("");
        String code = result.path("resultCode").asText(null);
        String message = result.hasNonNull("resultMessage") ? result.get("resultMessage").asText()
                : result.path("resultMsg").asText(null);
        return switch (status) {
            case "S" -> new DeclareOutcome(declarationRequestId, DeclarationStatus.ACCEPTED, code, message,
                    answer.path("pspDeclarationRequestId").asText(null), answer.path("pspPaymentId").asText(null));
            case "F" -> new DeclareOutcome(declarationRequestId, DeclarationStatus.DECLARE_FAILED, code, message,
                    null, null);
            default -> DeclareOutcome.unknown(declarationRequestId, code == null ? "UNKNOWN" : code,
                    message == null ? "Alipay+ result status " + status : message);
        };
    }
}
