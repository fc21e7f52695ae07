package org.customsbridge.wechat;

import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.record.Declaration;

/**
 * A verified {@code customdeclareorder} answer ({@link WechatAnswerVerifier}) as an outcome.
 *
 * <ul>
 * <li>{@code return_code=FAIL}: WeChat refused the call itself (signature, XML, key): a
 * configuration error that resending cannot cure, {@code DECLARE_FAILED} with code
 * {@link #REFUSED_CALL} and WeChat's {@code return_msg}.</li>
 * <li>{@code result_code=SUCCESS}: {@code ACCEPTED} (by WeChat; customs has not answered yet), with
 * {@code sub_order_id} (else {@code transaction_id}) as WeChat's declaration id. A signed answer for
 * another {@code out_trade_no} or sub-order belongs to another call: {@code UNKNOWN}.</li>
 * <li>{@code result_code=FAIL}: {@code DECLARE_FAILED} with {@code err_code} and {@code err_code_des}
 * as they came ({@code PARAM_ERROR}, {@code INVALID_REQUEST}, {@code NOAUTH}, ...), except a transient
 * code ({@code customs.wechat.transient-errors}, by default {@code SYSTEMERROR}): {@code UNKNOWN}, resent
 * unchanged.</li>
 * <li>anything else: {@code UNKNOWN}, never accepted.</li>
 * </ul>
 */
public class WechatDeclareAnswerMapper {

    /** The code of a call WeChat refused before looking at it ({@code return_code=FAIL}). */
    public static final String REFUSED_CALL = "RETURN_FAIL";
    public static final Set<String> TRANSIENT_ERRORS = Set.of("SYSTEMERROR");

    private final Set<String> transientErrors;

    public WechatDeclareAnswerMapper() {
        this(TRANSIENT_ERRORS);
    }

    public WechatDeclareAnswerMapper(Set<String> transientErrors) {
        this.transientErrors = Set.copyOf(transientErrors);
    }

    public DeclareOutcome toOutcome(@ExchangeProperty(CustomsConstants.DECLARATION) Declaration declaration,
                                    @Body WechatAnswer answer) {
        String id = declaration.declarationRequestId();
        if (!answer.returned()) {
            String reason = answer.returnMessage() == null ? "no return_msg" : answer.returnMessage();
            return failed(id, REFUSED_CALL, "WeChat Pay refused the call: " + reason
                    + " (check customs.wechat.api-key, customs.wechat.app-id, customs.wechat.mch-id and customs.wechat.url)");
        }
        String resultCode = answer.resultCode();
        if (WechatApi.SUCCESS.equals(resultCode)) {
            if (!sameDeclaration(declaration, answer)) {
                return DeclareOutcome.unknown(id, "MISMATCHED_ANSWER",
                        "WeChat Pay answer is for another out_trade_no or sub_order_no; not taken as this declaration's");
            }
            String state = answer.field(WechatApi.STATE);
            String certCheck = answer.field(WechatApi.CERT_CHECK_RESULT);
            String message = (state == null ? "" : "state=" + state)
                    + (certCheck == null ? "" : (state == null ? "" : ", ") + "cert_check_result=" + certCheck);
            String subOrderId = answer.field(WechatApi.SUB_ORDER_ID);
            String transactionId = answer.field(WechatApi.TRANSACTION_ID);
            return new DeclareOutcome(id, DeclarationStatus.ACCEPTED, WechatApi.SUCCESS,
                    message.isEmpty() ? null : message, subOrderId != null ? subOrderId : transactionId, transactionId);
        }
        if (WechatApi.FAIL.equals(resultCode)) {
            String code = answer.errCode() == null ? WechatApi.FAIL : answer.errCode();
            String message = answer.errCodeDes();
            if (transientErrors.contains(code)) {
                return DeclareOutcome.unknown(id, code,
                        message == null ? "WeChat Pay error " + code + "; to be resent unchanged" : message);
            }
            return failed(id, code, message);
        }
        return DeclareOutcome.unknown(id, resultCode == null ? "NO_RESULT_CODE" : resultCode,
                "WeChat Pay answer without result_code SUCCESS or FAIL");
    }

    /** An echo that names another order or sub-order means the answer is not this call's; no echo is no proof either way. */
    static boolean sameDeclaration(Declaration declaration, WechatAnswer answer) {
        String orderNo = answer.field(WechatApi.OUT_TRADE_NO);
        String subOrderNo = answer.field(WechatApi.SUB_ORDER_NO);
        return (orderNo == null || orderNo.equals(declaration.merchantOrderNo()))
                && (subOrderNo == null || subOrderNo.equals(declaration.split() ? declaration.subOrderId() : null));
    }

    private static DeclareOutcome failed(String id, String code, String message) {
        return new DeclareOutcome(id, DeclarationStatus.DECLARE_FAILED, code, message, null, null);
    }
}
