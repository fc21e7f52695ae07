package org.customsbridge.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field names of the declaration record (docs/records-and-files.md), as inputs spell them. */
public final class Fields {

    public static final String DECLARATION_REQUEST_ID = "declarationRequestId";
    public static final String PAYMENT_ID = "paymentId";
    public static final String CUSTOMS_CODE = "customsCode";
    public static final String MERCHANT_CUSTOMS_CODE = "merchantCustomsCode";
    public static final String MERCHANT_CUSTOMS_NAME = "merchantCustomsName";
    public static final String AMOUNT = "amount";
    public static final String SPLIT = "split";
    public static final String SUB_ORDER_ID = "subOrderId";
    public static final String BUYER_NAME = "buyerName";
    public static final String BUYER_ID_NO = "buyerIdNo";
    public static final String GATEWAY = "gateway";
    /** WeChat Pay: the payment's merchant order number ({@code out_trade_no}). */
    public static final String MERCHANT_ORDER_NO = "merchantOrderNo";
    /** WeChat Pay, split declarations: the goods' part of {@code amount}, in yuan. */
    public static final String PRODUCT_FEE = "productFee";
    /** WeChat Pay, split declarations: the transport's part of {@code amount}, in yuan. */
    public static final String TRANSPORT_FEE = "transportFee";
    /** WeChat Pay: the duty, in yuan (kept by WeChat, not sent to customs). */
    public static final String DUTY = "duty";

    public static final List<String> ALL = List.of(DECLARATION_REQUEST_ID, PAYMENT_ID, CUSTOMS_CODE,
            MERCHANT_CUSTOMS_CODE, MERCHANT_CUSTOMS_NAME, AMOUNT, SPLIT, SUB_ORDER_ID, BUYER_NAME, BUYER_ID_NO,
            GATEWAY, MERCHANT_ORDER_NO, PRODUCT_FEE, TRANSPORT_FEE, DUTY);

    /**
     * The fields that identify a person (personal data): stored encrypted in the ledger, erased once
     * their declaration is settled and old, and never shown in a message, log or answer. A gateway
     * that brings another such field adds it here.
     */
    public static final Set<String> PERSONAL = Set.of(BUYER_NAME, BUYER_ID_NO);

    /** Whether {@code name} is a {@linkplain #PERSONAL personal} field. */
    public static boolean isPersonal(String name) {
        return PERSONAL.contains(name);
    }

    /** {@code fields} with the values of personal fields replaced by a placeholder: what logs and messages may show. */
    public static Map<String, String> withoutPersonalValues(Map<String, String> fields) {
        Map<String, String> shown = new LinkedHashMap<>(fields);
        shown.replaceAll((name, value) -> isPersonal(name) ? "(personal)" : value);
        return shown;
    }

    private Fields() {
    }
}
