package org.customsbridge.mapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.tracking.CustomsAnswer;

/**
 * A verified {@code alipay.overseas.acquire.customs.query} answer split into one
 * {@link CustomsAnswer} per id asked for: every {@code customs_declare} record and every id in
 * {@code not_found}.
 */
public class MapiQueryAnswerMapper {

    public List<CustomsAnswer> toAnswers(List<String> asked, MapiAnswer answer) throws NoTrustedAnswerException {
        if (!answer.success()) {
            throw new NoTrustedAnswerException(answer.error(), "MAPI query refused by the gateway: " + answer.error());
        }
        if (!"SUCCESS".equals(answer.resultCode())) {
            throw new NoTrustedAnswerException(answer.detailErrorCode() == null ? "FAIL" : answer.detailErrorCode(),
                    "MAPI query failed: " + answer.detailErrorCode() + " " + answer.detailErrorDes());
        }
        List<CustomsAnswer> answers = new ArrayList<>();
        Set<String> answered = new LinkedHashSet<>();
        for (Map<String, String> record : answer.records()) {
            String id = record.get(MapiApi.OUT_REQUEST_NO);
            if (id != null && asked.contains(id) && answered.add(id)) {
                answers.add(new CustomsAnswer(id, true, blankToNull(record.get("customs_code")),
                        blankToNull(record.get("customs_info")), blankToNull(record.get("status"))));
            }
        }
        for (String id : answer.notFound()) {
            if (asked.contains(id) && answered.add(id)) {
                answers.add(CustomsAnswer.notFound(id));
            }
        }
        return answers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
