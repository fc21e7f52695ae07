package org.customsbridge.validation;

import static org.customsbridge.record.Fields.AMOUNT;
import static org.customsbridge.record.Fields.BUYER_ID_NO;
import static org.customsbridge.record.Fields.BUYER_NAME;
import static org.customsbridge.record.Fields.CUSTOMS_CODE;
import static org.customsbridge.record.Fields.DECLARATION_REQUEST_ID;
import static org.customsbridge.record.Fields.GATEWAY;
import static org.customsbridge.record.Fields.MERCHANT_CUSTOMS_CODE;
import static org.customsbridge.record.Fields.MERCHANT_CUSTOMS_NAME;
import static org.customsbridge.record.Fields.PAYMENT_ID;
import static org.customsbridge.record.Fields.SPLIT;
import static org.customsbridge.record.Fields.SUB_ORDER_ID;

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
 */
public class RecordValidator {

    static final Pattern REQUEST_ID = Pattern.compile("[0-9A-Za-z_:-]{6,32}");
    /** Positive yuan with at most two decimals and at most 20 characters (MAPI's amount is String(20)). */
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final int MAX_SHOWN_VALUE = 40;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

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
                    "not configured here (set customs." + gateway + ".endpoint)");
        }

        if (!broken.isEmpty()) {
            return new InvalidRecord(record, record.location() + ": " + String.join("; ", broken), idValid ? id : null,
                    gateway);
        }
        return new Declaration(id, record.field(PAYMENT_ID), record.field(CUSTOMS_CODE),
                record.field(MERCHANT_CUSTOMS_CODE), record.field(MERCHANT_CUSTOMS_NAME), amount, split,
                split ? record.field(SUB_ORDER_ID) : null, buyerName, buyerIdNo, gateway);
    }

    private static BigDecimal amount(List<String> broken, String value) {
        if (!check(broken, AMOUNT, value, true, 20)) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            broken.add(AMOUNT + " " + shown(value) + ": a number of yuan such as 12.30");
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.scale() > 2) {
            broken.add(AMOUNT + " " + shown(value) + ": at most 2 decimals");
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
