package org.customsbridge.alipayplus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.tracking.CustomsAnswer;

/**
 * {@code inquireDeclarationRequests}: the request body for a batch of ids, and a verified answer
 * split into one {@link CustomsAnswer} per id asked for — every record and every not-found id,
 * never only the first.
 */
public class InquiryMapper {

    /** The statuses Alipay+'s pages or the built-in simulator show; no published list exists. */
    public static final Set<String> DECLARATION_STATUSES = Set.of("WAITING_FOR_PROCESSING", "SUCCESS");

    private final ObjectMapper mapper;
    private final DeclarationRequestStatuses statuses;

    public InquiryMapper(ObjectMapper mapper) {
        this(mapper, new DeclarationRequestStatuses(DECLARATION_STATUSES));
    }

    public InquiryMapper(ObjectMapper mapper, DeclarationRequestStatuses statuses) {
        this.mapper = mapper;
        this.statuses = statuses;
    }

    public String toJson(List<String> declarationRequestIds) {
        return mapper.createObjectNode().set("declarationRequestIds", mapper.valueToTree(declarationRequestIds))
                .toString();
    }

    public List<CustomsAnswer> toAnswers(List<String> asked, String body) throws NoTrustedAnswerException {
        JsonNode answer;
        try {
            answer = mapper.readTree(body);
        } catch (Exception e) {
            throw new NoTrustedAnswerException("UNREADABLE_ANSWER", "Alipay+ inquiry answer is not JSON");
        }
        JsonNode result = answer.path("result");
        if (!"S".equals(result.path("resultStatus").asText())) {
            throw new NoTrustedAnswerException(result.path("resultCode").asText("UNKNOWN"),
                    "Alipay+ inquiry failed: " + result.path("resultStatus").asText("?") + " "
                            + result.path("resultCode").asText("") + " "
                            + result.path("resultMessage").asText(result.path("resultMsg").asText("")));
        }
        List<CustomsAnswer> answers = new ArrayList<>();
        Set<String> answered = new LinkedHashSet<>();
        for (JsonNode record : answer.path("declarationRecords")) {
            String id = record.path("customsDeclarationRequestId").asText(null);
            if (id != null && asked.contains(id) && answered.add(id)) {
                String status = text(record, "declarationRequestStatus");
                statuses.seen(status);
                answers.add(new CustomsAnswer(id, true, text(record, "customsResultCode"),
                        text(record, "customsResultDescription"), status));
            }
        }
        for (JsonNode id : answer.path("declarationRequestsNotFound")) {
            if (asked.contains(id.asText()) && answered.add(id.asText())) {
                answers.add(CustomsAnswer.notFound(id.asText()));
            }
        }
        return answers;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
