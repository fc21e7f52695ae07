package org.customsbridge.admission;

import java.util.List;
import java.util.Optional;

import org.customsbridge.record.Declaration;

/**
 * What a gateway itself holds one declaration of, when that is not the bundle's
 * {@code declarationRequestId}. Alipay's gateways key a declaration by the id the bundle sends them;
 * WeChat Pay keys it by order, sub-order and customs, and refuses a second declaration of one with other
 * data. The ledger lets one id hold each such key, so that two ids never declare one order twice.
 */
public interface OrderKeys {

    /** No gateway keys declarations by anything but their id. */
    OrderKeys NONE = declaration -> Optional.empty();

    /** The key {@code declaration} is held by at its gateway, if that gateway has one of its own. */
    Optional<OrderKey> of(Declaration declaration);

    /** The first key any of {@code keys} gives. */
    static OrderKeys anyOf(List<OrderKeys> keys) {
        return declaration -> keys.stream().map(key -> key.of(declaration)).flatMap(Optional::stream).findFirst();
    }

    /**
     * @param key         the key as the ledger stores it, prefixed by the gateway's name
     * @param description the key's fields and values as a record names them, for messages
     */
    record OrderKey(String key, String description) {
    }
}
