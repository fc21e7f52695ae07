package org.customsbridge.wechat;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.declare.Redeclaration;
import org.customsbridge.record.Declaration;

/**
 * A verified {@code customdeclareredeclare} answer ({@link WechatAnswerVerifier}) as a
 * {@link Redeclaration}: {@code result_code=SUCCESS} is taken (with the {@code state} WeChat reports),
 * {@code result_code=FAIL} and {@code return_code=FAIL} are refusals with WeChat's code and text. A
 * signed answer for another order or sub-order, or one without a result, is not trusted.
 */
public class WechatRedeclareAnswerMapper {

    public Redeclaration toRedeclaration(@ExchangeProperty(CustomsConstants.DECLARATION) Declaration declaration,
                                         @Body WechatAnswer answer) throws NoTrustedAnswerException {
        if (!answer.returned()) {
            return new Redeclaration(false, WechatDeclareAnswerMapper.REFUSED_CALL, "WeChat Pay refused the call: "
                    + (answer.returnMessage() == null ? "no return_msg" : answer.returnMessage()));
        }
        if (WechatApi.SUCCESS.equals(answer.resultCode())) {
            if (!WechatDeclareAnswerMapper.sameDeclaration(declaration, answer)) {
                throw new NoTrustedAnswerException("MISMATCHED_ANSWER",
                        "WeChat Pay answer is for another out_trade_no or sub_order_no");
            }
            String state = answer.field(WechatApi.STATE);
            return new Redeclaration(true, WechatApi.SUCCESS, state == null ? null : "state=" + state);
        }
        if (WechatApi.FAIL.equals(answer.resultCode())) {
            return new Redeclaration(false, answer.errCode() == null ? WechatApi.FAIL : answer.errCode(),
                    answer.errCodeDes());
        }
        throw new NoTrustedAnswerException("NO_RESULT_CODE", "WeChat Pay answer without result_code SUCCESS or FAIL");
    }
}
