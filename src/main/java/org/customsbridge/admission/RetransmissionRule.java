package org.customsbridge.admission;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.customsbridge.record.Fields;

/**
 * The rule for declaring an id again with other data: Alipay's (Alipay+ and MAPI) lets only the
 * merchant's customs code and name, the customs code and the amount change; WeChat Pay's
 * ({@code action_type=MODIFY}) the merchant's customs code, the amounts (order, product, transport,
 * duty) and the buyer, but not the customs, which is part of what identifies a declaration there.
 * Either way the new data goes out no earlier than a wait after the last call.
 */
public class RetransmissionRule {

    /** The fields a retransmission may change, by their record names. */
    public static final List<String> CHANGEABLE = List.of(Fields.MERCHANT_CUSTOMS_CODE,
            Fields.MERCHANT_CUSTOMS_NAME, Fields.CUSTOMS_CODE, Fields.AMOUNT);
    /** What WeChat Pay's {@code MODIFY} may change (the merchant's customs name is never sent to it). */
    public static final List<String> CHANGEABLE_WECHAT = List.of(Fields.MERCHANT_CUSTOMS_CODE,
            Fields.MERCHANT_CUSTOMS_NAME, Fields.AMOUNT, Fields.PRODUCT_FEE, Fields.TRANSPORT_FEE, Fields.DUTY,
            Fields.BUYER_NAME, Fields.BUYER_ID_NO);

    private final Duration wait;

    /** @param wait how long after the last call a retransmission may go out (Alipay: 5 minutes) */
    public RetransmissionRule(Duration wait) {
        this.wait = wait;
    }

    public Duration waitAfterLastCall() {
        return wait;
    }

    /** The record fields whose values differ, in record order. */
    public static List<String> changedFields(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String name : Fields.ALL) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** Those of {@code changed} that may not change (Alipay's rule). */
    public List<String> unchangeable(List<String> changed) {
        return unchangeable("alipay-plus", changed);
    }

    /** Those of {@code changed} that may not change through {@code gateway}. */
    public List<String> unchangeable(String gateway, List<String> changed) {
        List<String> changeable = changeable(gateway);
        return changed.stream().filter(name -> !changeable.contains(name)).toList();
    }

    /** The fields a retransmission through {@code gateway} may change. */
    public static List<String> changeable(String gateway) {
        return "wechat".equals(gateway) ? CHANGEABLE_WECHAT : CHANGEABLE;
    }

    /** When changed data may be declared: at once if the id was never called, else a wait after its last call. */
    public OffsetDateTime allowedAt(OffsetDateTime lastDeclaredAt, OffsetDateTime now) {
        return lastDeclaredAt == null ? now : lastDeclaredAt.plus(wait);
    }
}
