package org.customsbridge.admission;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.customsbridge.record.Fields;

/**
 * Alipay's rule for declaring an id again with other data: only the merchant's customs code and
 * name, the customs code and the amount may change, and the new data goes out no earlier than a
 * wait after the last call.
 */
public class RetransmissionRule {

    /** The fields a retransmission may change, by their record names. */
    public static final List<String> CHANGEABLE = List.of(Fields.MERCHANT_CUSTOMS_CODE,
            Fields.MERCHANT_CUSTOMS_NAME, Fields.CUSTOMS_CODE, Fields.AMOUNT);

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

    /** Those of {@code changed} that may not change. */
    public List<String> unchangeable(List<String> changed) {
        return changed.stream().filter(name -> !CHANGEABLE.contains(name)).toList();
    }

    /** When changed data may be declared: at once if the id was never called, else a wait after its last call. */
    public OffsetDateTime allowedAt(OffsetDateTime lastDeclaredAt, OffsetDateTime now) {
        return lastDeclaredAt == null ? now : lastDeclaredAt.plus(wait);
    }
}
