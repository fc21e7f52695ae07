package org.customsbridge.validation;

import static org.customsbridge.record.Fields.AMOUNT;
import static org.customsbridge.record.Fields.BUYER_ID_NO;
import static org.customsbridge.record.Fields.BUYER_NAME;
import static org.customsbridge.record.Fields.CUSTOMS_CODE;
import static org.customsbridge.record.Fields.DECLARATION_REQUEST_ID;
import static org.customsbridge.record.Fields.DUTY;
import static org.customsbridge.record.Fields.GATEWAY;
import static org.customsbridge.record.Fields.MERCHANT_CUSTOMS_CODE;
import static org.customsbridge.record.Fields.MERCHANT_CUSTOMS_NAME;
import static org.customsbridge.record.Fields.MERCHANT_ORDER_NO;
import static org.customsbridge.record.Fields.PAYMENT_ID;
import static org.customsbridge.record.Fields.PRODUCT_FEE;
import static org.customsbridge.record.Fields.SPLIT;
import static org.customsbridge.record.Fields.SUB_ORDER_ID;
import static org.customsbridge.record.Fields.TRANSPORT_FEE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.customsbridge.config.CustomsProperties;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.Fields;
import org.customsbridge.record.RawRecord;

/**
 * The record rules (docs/records-and-files.md), the stricter of the two APIs' wherever they differ
 * (MAPI's id charset, String(20) amounts). Every broken rule is reported, not just the first.
 * Records for WeChat Pay ({@code gateway=wechat}) also need the payment's merchant order number, and
 * a split one its product and transport fees, which add up to the amount; amounts are exact in fen.
 */
public class RecordValidator {

    static final Pattern REQUEST_ID = Pattern.compile("[0-9A-Za-z_:-]{6,32}");
    /** Positive yuan with at most two decimals and at most 20 characters (MAPI's amount is String(20)). */
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final int MAX_SHOWN_VALUE = 40;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** WeChat's {@code out_trade_no}: letters, digits and {@code _-*@|}. */
    private static final Pattern MERCHANT_ORDER = Pattern.compile("[0-9A-Za-z_\\-*@|]{1,32}");
    /** WeChat's {@code transaction_id}: its payment number, 28 digits (32 allowed by its field's length). */
    private static final Pattern WECHAT_TRANSACTION = Pattern.compile("\\d{28,32}");
    /** WeChat's {@code customs}: an upper-case code such as {@code HANGZHOU_ZS}. */
    private static final Pattern WECHAT_CUSTOMS = Pattern.compile("[A-Z][A-Z_]*");
    private static final String WECHAT = "wechat";

    private final String defaultGateway;
    private final Set<String> enabledGateways;

    /** A validator for a bundle that can use every gateway. */
    public RecordValidator(String defaultGateway) {
        this(defaultGateway, Set.copyOf(CustomsProperties.GATEWAYS));
    }

    public RecordValidator(String defaultGateway, Set<String> enabledGateways) {
        this.defaultGateway = defaultGateway;
        this.enabledGateways = enabledGateways;
    }

    /** @return a {@link Declaration} or an {@link InvalidRecord} */
    public Object validate(RawRecord record) {
        List<String> broken = new ArrayList<>();
        if (record.problem() != null) {
            broken.add(record.problem());
        }
        String id = record.field(DECLARATION_REQUEST_ID);
        boolean idValid = check(broken, DECLARATION_REQUEST_ID, id, true, 32)
                && rule(broken, DECLARATION_REQUEST_ID, id, REQUEST_ID.matcher(id).matches(),
                        "6 to 32 characters of 0-9 A-Z a-z _ : -");
        check(broken, PAYMENT_ID, record.field(PAYMENT_ID), true, 64);
        check(broken, CUSTOMS_CODE, record.field(CUSTOMS_CODE), true, 20);
        check(broken, MERCHANT_CUSTOMS_CODE, record.field(MERCHANT_CUSTOMS_CODE), true, 20);
        check(broken, MERCHANT_CUSTOMS_NAME, record.field(MERCHANT_CUSTOMS_NAME), true, 256);
        BigDecimal amount = amount(broken, record.field(AMOUNT));
        Boolean split = split(broken, record.field(SPLIT));
        if (Boolean.TRUE.equals(split)) {
            check(broken, SUB_ORDER_ID, record.field(SUB_ORDER_ID), true, 32);
        }
        String buyerName = record.field(BUYER_NAME);
        String buyerIdNo = record.field(BUYER_ID_NO);
        check(broken, BUYER_NAME, buyerName, false, 64);
        check(broken, BUYER_ID_NO, buyerIdNo, false, 32);
        if (buyerName != null && buyerIdNo == null) {
            broken.add(BUYER_ID_NO + ": required when buyerName is given (the identity check needs both)");
        } else if (buyerIdNo != null && buyerName == null) {
            broken.add(BUYER_NAME + ": required when buyerIdNo is given (the identity check needs both)");
        }
        String gateway = record.field(GATEWAY) == null ? defaultGateway : record.field(GATEWAY);
        if (rule(broken, GATEWAY, gateway, CustomsProperties.GATEWAYS.contains(gateway),
                "one of " + String.join(", ", CustomsProperties.GATEWAYS))) {
            rule(broken, GATEWAY, gateway, enabledGateways.contains(gateway),
                    "not configured here (set " + CustomsProperties.endpointProperty(gateway) + ")");
        }
        WechatFees fees = WECHAT.equals(gateway) ? wechat(broken, record, amount, split) : WechatFees.NONE;

        if (!broken.isEmpty()) {
            return new InvalidRecord(record, record.location() + ": " + String.join("; ", broken), idValid ? id : null,
                    gateway);
        }
        return new Declaration(id, record.field(PAYMENT_ID), record.field(CUSTOMS_CODE),
                record.field(MERCHANT_CUSTOMS_CODE), record.field(MERCHANT_CUSTOMS_NAME), amount, split,
                split ? record.field(SUB_ORDER_ID) : null, buyerName, buyerIdNo, gateway,
                WECHAT.equals(gateway) ? record.field(MERCHANT_ORDER_NO) : null, fees.product(), fees.transport(),
                fees.duty());
    }

    /** WeChat's amounts beside the order's, in yuan with two decimals. */
    private record WechatFees(BigDecimal product, BigDecimal transport, BigDecimal duty) {
        static final WechatFees NONE = new WechatFees(null, null, null);
    }

    /** The rules of a record for WeChat Pay, which names the payment by its order number too. */
    private static WechatFees wechat(List<String> broken, RawRecord record, BigDecimal amount, Boolean split) {
        String orderNo = record.field(MERCHANT_ORDER_NO);
        if (orderNo == null) {
            broken.add(MERCHANT_ORDER_NO + ": required for gateway wechat (the payment's out_trade_no)");
        } else {
            rule(broken, MERCHANT_ORDER_NO, orderNo, MERCHANT_ORDER.matcher(orderNo).matches(),
                    "1 to 32 characters of 0-9 A-Z a-z _ - * @ |");
        }
        String paymentId = record.field(PAYMENT_ID);
        if (paymentId != null) {
            rule(broken, PAYMENT_ID, paymentId, WECHAT_TRANSACTION.matcher(paymentId).matches(),
                    "WeChat's transaction_id, 28 digits, for gateway wechat");
        }
        String customsCode = record.field(CUSTOMS_CODE);
        if (customsCode != null) {
            rule(broken, CUSTOMS_CODE, customsCode, WECHAT_CUSTOMS.matcher(customsCode).matches(),
                    "an upper-case WeChat customs code such as HANGZHOU_ZS, for gateway wechat");
        }
        BigDecimal product = fee(broken, PRODUCT_FEE, record.field(PRODUCT_FEE));
        BigDecimal transport = fee(broken, TRANSPORT_FEE, record.field(TRANSPORT_FEE));
        BigDecimal duty = fee(broken, DUTY, record.field(DUTY));
        if (Boolean.TRUE.equals(split)) {
            if (record.field(PRODUCT_FEE) == null) {
                broken.add(PRODUCT_FEE + ": required for a split declaration through gateway wechat");
            }
            if (record.field(TRANSPORT_FEE) == null) {
                broken.add(TRANSPORT_FEE + ": required for a split declaration through gateway wechat");
            }
        }
        if (amount != null && product != null && transport != null && product.add(transport).compareTo(amount) != 0) {
            broken.add(AMOUNT + " " + shown(amount.toPlainString()) + ": must equal productFee + transportFee ("
                    + product.add(transport).toPlainString() + ") for gateway wechat");
        }
        return new WechatFees(product, transport, duty);
    }

    /** An optional amount of yuan, 0 or more (the pattern has no sign), that must be exact in fen. */
    private static BigDecimal fee(List<String> broken, String field, String value) {
        return yuan(broken, field, value, false, " (whole fen)");
    }

    /** Yuan, 0 or more, at most 2 decimals and 20 characters; {@code null} (with the broken rule) otherwise. */
    private static BigDecimal yuan(List<String> broken, String field, String value, boolean required,
                                   String decimalsHint) {
        if (!check(broken, field, value, required, 20)) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            broken.add(field + " " + shown(value) + ": a number of yuan such as 12.30");
            return null;
        }
        BigDecimal yuan = new BigDecimal(value);
        if (yuan.scale() > 2) {
            broken.add(field + " " + shown(value) + ": at most 2 decimals" + decimalsHint);
            return null;
        }
        return yuan;
    }

    private static BigDecimal amount(List<String> broken, String value) {
        BigDecimal amount = yuan(broken, AMOUNT, value, true, "");
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0) {
            broken.add(AMOUNT + " " + shown(value) + ": greater than 0");
            return null;
        }
        return amount;
    }

    private static Boolean split(List<String> broken, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                broken.add(SPLIT + " " + shown(value) + ": true or false");
                yield null;
            }
        };
    }

    /** Presence and length; returns whether a value is there and fits, so that further rules may look at it. */
    private static boolean check(List<String> broken, String field, String value, boolean required, int maxLength) {
        if (value == null) {
            if (required) {
                broken.add(field + ": required");
            }
            return false;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            broken.add(named(field, value) + ": at most " + maxLength + " characters");
            return false;
        }
        // customs data is one line of text; a NUL byte cannot even be stored in PostgreSQL
        if (CONTROL.matcher(value).find()) {
            broken.add(named(field, value) + ": no control characters (line breaks, tabs, NUL)");
            return false;
        }
        return true;
    }

    private static boolean rule(List<String> broken, String field, String value, boolean holds, String rule) {
        if (!holds) {
            broken.add(named(field, value) + ": " + rule);
        }
        return holds;
    }

    /** The field and its value, as a message shows them; a personal field's value is never shown. */
    private static String named(String field, String value) {
        return Fields.isPersonal(field) ? field : field + " " + shown(value);
    }

    static String shown(String value) {
        String cut = value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
        return '"' + cut.replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
