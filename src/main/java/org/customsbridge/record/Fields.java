package org.customsbridge.record;

import java.util.List;

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

    public static final List<String> ALL = List.of(DECLARATION_REQUEST_ID, PAYMENT_ID, CUSTOMS_CODE,
            MERCHANT_CUSTOMS_CODE, MERCHANT_CUSTOMS_NAME, AMOUNT, SPLIT, SUB_ORDER_ID, BUYER_NAME, BUYER_ID_NO,
            GATEWAY);

    private Fields() {
    }
}
