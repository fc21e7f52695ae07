package org.customsbridge.wechat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.tracking.CustomsAnswer;

/**
 * A verified {@code customdeclarequery} answer split into one {@link CustomsAnswer} per declaration
 * of the order asked about. WeChat answers with every sub-order of the order at that customs, as
 * numbered fields ({@code sub_order_no_0}, {@code state_0}, ... up to {@code count}); each record goes
 * to the declaration of its sub-order number (none: the unsplit one), never by position. A
 * declaration the answer leaves out, or an order WeChat does not know
 * ({@code customs.wechat.not-found-errors}), is not found.
 */
public class WechatQueryAnswerMapper {

    public static final Set<String> NOT_FOUND_ERRORS = Set.of("ORDERNOTEXIST");

    private final Set<String> notFoundErrors;

    public WechatQueryAnswerMapper() {
        this(NOT_FOUND_ERRORS);
    }

    public WechatQueryAnswerMapper(Set<String> notFoundErrors) {
        this.notFoundErrors = Set.copyOf(notFoundErrors);
    }

    public List<CustomsAnswer> toAnswers(WechatOrder order, WechatAnswer answer) throws NoTrustedAnswerException {
        if (!answer.returned()) {
            throw new NoTrustedAnswerException(WechatDeclareAnswerMapper.REFUSED_CALL,
                    "WeChat Pay query refused: " + answer.returnMessage());
        }
        List<CustomsAnswer> answers = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        if (WechatApi.FAIL.equals(answer.resultCode())) {
            if (answer.errCode() == null || !notFoundErrors.contains(answer.errCode())) {
                throw new NoTrustedAnswerException(answer.errCode() == null ? WechatApi.FAIL : answer.errCode(),
                        "WeChat Pay query failed: " + answer.errCode() + " " + answer.errCodeDes());
            }
        } else if (!WechatApi.SUCCESS.equals(answer.resultCode())) {
            throw new NoTrustedAnswerException("NO_RESULT_CODE", "WeChat Pay query answer without result_code");
        } else {
            int count = count(answer);
            for (int n = 0; n < count; n++) {
                String subOrderNo = answer.field(WechatApi.numbered(WechatApi.SUB_ORDER_NO, n));
                String id = order.idsBySubOrder().get(subOrderNo == null ? WechatOrder.UNSPLIT : subOrderNo);
                if (id != null && answered.add(id)) {
                    String state = answer.field(WechatApi.numbered(WechatApi.STATE, n));
                    answers.add(new CustomsAnswer(id, true, state,
                            answer.field(WechatApi.numbered(WechatApi.EXPLANATION, n)), state,
                            WechatStates.statusOf(state)));
                }
            }
        }
        for (Map.Entry<String, String> declaration : order.idsBySubOrder().entrySet()) {
            if (answered.add(declaration.getValue())) {
                answers.add(CustomsAnswer.notFound(declaration.getValue()));
            }
        }
        return answers;
    }

    /** The records in the answer: its {@code count}, or without one, as many as are numbered from 0. */
    private static int count(WechatAnswer answer) throws NoTrustedAnswerException {
        String count = answer.field(WechatApi.COUNT);
        if (count == null) {
            int n = 0;
            while (answer.field(WechatApi.numbered(WechatApi.STATE, n)) != null) {
                n++;
            }
            return n;
        }
        try {
            return Math.min(Integer.parseInt(count), 1000);
        } catch (NumberFormatException e) {
            throw new NoTrustedAnswerException(WechatAnswerVerifier.UNREADABLE_ANSWER,
                    "WeChat Pay query answer's count is not a number");
        }
    }
}
