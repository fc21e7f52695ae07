package org.customsbridge.mapi;

import java.util.Set;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;

/**
 * A verified {@code alipay.acquire.customs} answer ({@link MapiAnswerVerifier}) as an outcome.
 *
 * <ul>
 * <li>{@code is_success=F}: the gateway refused the call before any business logic ran. Its error
 * codes ({@code ILLEGAL_SIGN}, {@code ILLEGAL_PARTNER}, {@code ILLEGAL_SERVICE},
 * {@code ILLEGAL_SIGN_TYPE}, {@code ILLEGAL_CHARSET}, ...) are configuration errors that resending the
 * same parameters cannot cure: {@code DECLARE_FAILED} with the error as code. The exception is a
 * transient code ({@link #TRANSIENT_ERRORS}, by default {@code SYSTEM_ERROR}): Alipay failed, not the
 * call, and an identical resend is safe, so it is {@code UNKNOWN} and the declaration is retried.</li>
 * <li>{@code result_code=SUCCESS}: {@code ACCEPTED} (by Alipay, not yet by customs), with
 * {@code alipay_declare_no} and {@code trade_no} as Alipay's ids. A signed answer naming another
 * {@code out_request_no} belongs to another call (a replayed answer, say): {@code UNKNOWN}.</li>
 * <li>{@code result_code=FAIL}: {@code DECLARE_FAILED} with {@code detail_error_code} and
 * {@code detail_error_des} as they came, known or not ({@code INVALID_PARAMETER},
 * {@code CONTEXT_INCONSISTENT}, {@code TRADE_NOT_EXIST}, ...), again except a transient code.
 * A code that means "a changed resend refused" ({@link #CHANGED_RESEND_CODES}) gets a message saying
 * so when Alipay sends none: the declaration sent before stands at Alipay.</li>
 * <li>anything else, e.g. no {@code result_code}: {@code UNKNOWN}, never accepted.</li>
 * </ul>
 * Alipay's MAPI pages document no transient code; {@code SYSTEM_ERROR} is Alipay's generic one. Nor
 * do they name the code of a changed resend refused: Alipay's help center says
 * {@code CONTEXT_INCONSISTENT} "or another code". Both sets are therefore settings
 * ({@code customs.mapi.changed-resend-codes} for the second).
 */
public class MapiDeclareAnswerMapper {

    public static final Set<String> TRANSIENT_ERRORS = Set.of("SYSTEM_ERROR");
    /** The {@code detail_error_code} of a resend with changed data that Alipay refuses, as documented so far. */
    public static final Set<String> CHANGED_RESEND_CODES = Set.of("CONTEXT_INCONSISTENT");

    private final Set<String> transientErrors;
    private final Set<String> changedResendCodes;

    public MapiDeclareAnswerMapper() {
        this(TRANSIENT_ERRORS, CHANGED_RESEND_CODES);
    }

    public MapiDeclareAnswerMapper(Set<String> transientErrors) {
        this(transientErrors, CHANGED_RESEND_CODES);
    }

    public MapiDeclareAnswerMapper(Set<String> transientErrors, Set<String> changedResendCodes) {
        this.transientErrors = Set.copyOf(transientErrors);
        this.changedResendCodes = Set.copyOf(changedResendCodes);
    }

    /** Whether {@code code} is Alipay refusing a resend whose data changed, so the earlier declaration stands. */
    public boolean refusesChangedResend(String code) {
        return code != null && changedResendCodes.contains(code);
    }

    public DeclareOutcome toOutcome(@ExchangeProperty(CustomsConstants.DECLARATION_REQUEST_ID) String declarationRequestId,
                                    @Body MapiAnswer answer) {
        if (!answer.success()) {
            String error = answer.error() == null || answer.error().isEmpty() ? "UNKNOWN" : answer.error();
            if (transientErrors.contains(error)) {
                return DeclareOutcome.unknown(declarationRequestId, error,
                        "MAPI gateway error " + error + "; to be resent unchanged");
            }
            return failed(declarationRequestId, error,
                    "MAPI gateway refused the call: " + error + " (check partner, keys, sign type and endpoint)");
        }
        String resultCode = answer.resultCode();
        if (MapiApi.RESULT_SUCCESS.equals(resultCode)) {
            String answeredFor = answer.field(MapiApi.OUT_REQUEST_NO);
            if (answeredFor != null && !answeredFor.isEmpty() && !answeredFor.equals(declarationRequestId)) {
                return DeclareOutcome.unknown(declarationRequestId, "MISMATCHED_ANSWER",
                        "MAPI answer is for another out_request_no; not taken as this declaration's");
            }
            String identityCheck = answer.field(MapiApi.IDENTITY_CHECK);
            return new DeclareOutcome(declarationRequestId, DeclarationStatus.ACCEPTED, MapiApi.RESULT_SUCCESS,
                    identityCheck == null || identityCheck.isEmpty() ? null : "identity_check=" + identityCheck,
                    emptyToNull(answer.field(MapiApi.ALIPAY_DECLARE_NO)), emptyToNull(answer.field(MapiApi.TRADE_NO)));
        }
        if (MapiApi.RESULT_FAIL.equals(resultCode)) {
            String code = answer.detailErrorCode() == null || answer.detailErrorCode().isEmpty()
                    ? MapiApi.RESULT_FAIL : answer.detailErrorCode();
            String message = emptyToNull(answer.detailErrorDes());
            if (transientErrors.contains(code)) {
                return DeclareOutcome.unknown(declarationRequestId, code,
                        message == null ? "MAPI error " + code + "; to be resent unchanged" : message);
            }
            if (message == null && refusesChangedResend(code)) {
                message = "MAPI refused a changed resend of this out_request_no; the declaration sent before stands"
                        + " at Alipay (resend it unchanged, or change only what Alipay's retransmission rule allows)";
            }
            return failed(declarationRequestId, code, message);
        }
        return DeclareOutcome.unknown(declarationRequestId, resultCode == null || resultCode.isEmpty()
                ? "NO_RESULT_CODE" : resultCode, "MAPI answer without result_code SUCCESS or FAIL");
    }

    private static DeclareOutcome failed(String declarationRequestId, String code, String message) {
        return new DeclareOutcome(declarationRequestId, DeclarationStatus.DECLARE_FAILED, code, message, null, null);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
