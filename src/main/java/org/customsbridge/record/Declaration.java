package org.customsbridge.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated payment declaration: what is sent, whichever gateway carries it. Its fingerprint
 * identifies the business parameters, so that a resend can be proven identical.
 */
public record Declaration(
        String declarationRequestId,
        String paymentId,
        String customsCode,
        String merchantCustomsCode,
        String merchantCustomsName,
        BigDecimal amount,
        boolean split,
        String subOrderId,
        String buyerName,
        String buyerIdNo,
        String gateway,
        String merchantOrderNo,
        BigDecimal productFee,
        BigDecimal transportFee,
        BigDecimal duty) {

    public Declaration {
        Objects.requireNonNull(declarationRequestId, "declarationRequestId");
        amount = amount.setScale(2);
        productFee = productFee == null ? null : productFee.setScale(2);
        transportFee = transportFee == null ? null : transportFee.setScale(2);
        duty = duty == null ? null : duty.setScale(2);
    }

    /** A declaration without the fields only WeChat Pay uses. */
    public Declaration(String declarationRequestId, String paymentId, String customsCode, String merchantCustomsCode,
                       String merchantCustomsName, BigDecimal amount, boolean split, String subOrderId,
                       String buyerName, String buyerIdNo, String gateway) {
        this(declarationRequestId, paymentId, customsCode, merchantCustomsCode, merchantCustomsName, amount, split,
                subOrderId, buyerName, buyerIdNo, gateway, null, null, null, null);
    }

    /** Field name to canonical text value, in contract order; absent values are left out. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, Fields.DECLARATION_REQUEST_ID, declarationRequestId);
        put(fields, Fields.PAYMENT_ID, paymentId);
        put(fields, Fields.CUSTOMS_CODE, customsCode);
        put(fields, Fields.MERCHANT_CUSTOMS_CODE, merchantCustomsCode);
        put(fields, Fields.MERCHANT_CUSTOMS_NAME, merchantCustomsName);
        put(fields, Fields.AMOUNT, amount.toPlainString());
        put(fields, Fields.SPLIT, Boolean.toString(split));
        put(fields, Fields.SUB_ORDER_ID, subOrderId);
        put(fields, Fields.BUYER_NAME, buyerName);
        put(fields, Fields.BUYER_ID_NO, buyerIdNo);
        put(fields, Fields.GATEWAY, gateway);
        put(fields, Fields.MERCHANT_ORDER_NO, merchantOrderNo);
        put(fields, Fields.PRODUCT_FEE, productFee == null ? null : productFee.toPlainString());
        put(fields, Fields.TRANSPORT_FEE, transportFee == null ? null : transportFee.toPlainString());
        put(fields, Fields.DUTY, duty == null ? null : duty.toPlainString());
        return fields;
    }

    /** Rebuilds a declaration from {@link #fields()}, e.g. as stored in the ledger. */
    public static Declaration fromFields(Map<String, String> fields) {
        return new Declaration(
                fields.get(Fields.DECLARATION_REQUEST_ID),
                fields.get(Fields.PAYMENT_ID),
                fields.get(Fields.CUSTOMS_CODE),
                fields.get(Fields.MERCHANT_CUSTOMS_CODE),
                fields.get(Fields.MERCHANT_CUSTOMS_NAME),
                new BigDecimal(fields.get(Fields.AMOUNT)),
                Boolean.parseBoolean(fields.get(Fields.SPLIT)),
                fields.get(Fields.SUB_ORDER_ID),
                fields.get(Fields.BUYER_NAME),
                fields.get(Fields.BUYER_ID_NO),
                fields.get(Fields.GATEWAY),
                fields.get(Fields.MERCHANT_ORDER_NO),
                yuan(fields.get(Fields.PRODUCT_FEE)),
                yuan(fields.get(Fields.TRANSPORT_FEE)),
                yuan(fields.get(Fields.DUTY)));
    }

    private static BigDecimal yuan(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /**
     * SHA-256 (hex) of the canonical fields: equal fingerprints mean identical business parameters.
     * Of a declaration with personal fields the ledger keeps a keyed fingerprint instead, as a plain
     * hash of an identity number can be reversed by trying every number.
     */
    public String fingerprint() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields as one text, {@code name=value} lines in contract order (UTF-8): what a fingerprint covers. */
    public byte[] canonical() {
        StringBuilder canonical = new StringBuilder();
        fields().forEach((name, value) -> canonical.append(name).append('=').append(value).append('\n'));
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether any {@linkplain Fields#PERSONAL personal} field has a value. */
    public boolean hasPersonalData() {
        return buyerName != null || buyerIdNo != null;
    }

    /** Everything but the personal fields, which are only named: a declaration may end up in a log. */
    @Override
    public String toString() {
        return "Declaration" + Fields.withoutPersonalValues(fields());
    }

    /** Amount in fen (the smallest CNY unit), as Alipay+ wants it. */
    public long amountInFen() {
        return fen(amount);
    }

    /**
     * An amount of yuan in fen, exactly: the declaration keeps two decimals, so this never rounds (a
     * fraction of a fen is refused by validation, and would throw here).
     */
    public static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
