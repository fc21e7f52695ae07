package org.customsbridge.wechat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.customsbridge.record.Declaration;

/**
 * A declaration as {@code customdeclareorder} fields, unsigned: amounts in whole fen, the order's
 * amount always sent (with {@code fee_type=CNY}), the split's sub-order and fees when split, the
 * buyer only with both name and identity number, optional values left out (never {@code ""}).
 * {@code action_type} is {@code ADD}, or {@code MODIFY} for a declaration WeChat accepted before
 * (the ledger holds its WeChat id): WeChat refuses changed data sent again with {@code ADD}.
 */
public class WechatDeclareRequestMapper {

    private final Supplier<WechatAccount> account;
    private final Predicate<String> acceptedBefore;

    /** A mapper that always declares ({@code ADD}). */
    public WechatDeclareRequestMapper(Supplier<WechatAccount> account) {
        this(account, id -> false);
    }

    /** @param acceptedBefore whether WeChat accepted a declaration of this declarationRequestId before */
    public WechatDeclareRequestMapper(Supplier<WechatAccount> account, Predicate<String> acceptedBefore) {
        this.account = account;
        this.acceptedBefore = acceptedBefore;
    }

    /** {@code ADD}, or {@code MODIFY} for a declaration WeChat accepted before. */
    public Map<String, String> toParams(Declaration declaration) {
        return toParams(declaration, acceptedBefore.test(declaration.declarationRequestId()) ? WechatApi.MODIFY
                : WechatApi.ADD);
    }

    /** @param actionType {@code ADD} to declare, {@code MODIFY} to replace what WeChat holds */
    public Map<String, String> toParams(Declaration declaration, String actionType) {
        WechatAccount caller = account.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(WechatApi.APPID, caller.appId());
        params.put(WechatApi.MCH_ID, caller.mchId());
        params.put(WechatApi.OUT_TRADE_NO, declaration.merchantOrderNo());
        params.put(WechatApi.TRANSACTION_ID, declaration.paymentId());
        params.put(WechatApi.CUSTOMS, declaration.customsCode());
        putIfGiven(params, WechatApi.MCH_CUSTOMS_NO, declaration.merchantCustomsCode());
        params.put(WechatApi.ACTION_TYPE, actionType);
        putFen(params, WechatApi.DUTY, declaration.duty());
        if (declaration.split()) {
            putIfGiven(params, WechatApi.SUB_ORDER_NO, declaration.subOrderId());
        }
        params.put(WechatApi.FEE_TYPE, WechatApi.CNY);
        putFen(params, WechatApi.ORDER_FEE, declaration.amount());
        putFen(params, WechatApi.TRANSPORT_FEE, declaration.transportFee());
        putFen(params, WechatApi.PRODUCT_FEE, declaration.productFee());
        if (given(declaration.buyerName()) && given(declaration.buyerIdNo())) {
            params.put(WechatApi.CERT_TYPE, WechatApi.IDCARD);
            params.put(WechatApi.CERT_ID, declaration.buyerIdNo().toUpperCase(java.util.Locale.ROOT));
            params.put(WechatApi.NAME, declaration.buyerName());
        }
        return params;
    }

    private static void putFen(Map<String, String> params, String name, BigDecimal yuan) {
        if (yuan != null) {
            params.put(name, Long.toString(Declaration.fen(yuan)));
        }
    }

    private static void putIfGiven(Map<String, String> params, String name, String value) {
        if (given(value)) {
            params.put(name, value);
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isEmpty();
    }
}
