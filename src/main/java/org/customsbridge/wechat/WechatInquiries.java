package org.customsbridge.wechat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.customsbridge.record.Declaration;

/**
 * The declaration ids of a tracking batch as WeChat Pay's queries: WeChat is asked per order and
 * customs, not per id, so ids of the same {@code out_trade_no} at the same customs (the sub-orders
 * of a split payment) share one call. An id the ledger does not hold (preflight's made-up one) is
 * asked about as an order number of its own at customs {@value #NO_CUSTOMS}, which WeChat cannot know.
 */
public class WechatInquiries {

    /** WeChat's customs code for "pushed to no customs". */
    public static final String NO_CUSTOMS = "NO";

    private final Function<String, Optional<Declaration>> declarations;

    /** @param declarations the declaration of an id, as the ledger holds it */
    public WechatInquiries(Function<String, Optional<Declaration>> declarations) {
        this.declarations = declarations;
    }

    public List<WechatOrder> orders(List<String> declarationRequestIds) {
        Map<List<String>, Map<String, String>> byOrder = new LinkedHashMap<>();
        for (String id : declarationRequestIds) {
            Optional<Declaration> found = declarations.apply(id);
            if (found.isEmpty()) {
                byOrder.computeIfAbsent(List.of(id, NO_CUSTOMS), key -> new LinkedHashMap<>())
                        .putIfAbsent(WechatOrder.UNSPLIT, id);
                continue;
            }
            Declaration declaration = found.get();
            if (declaration.merchantOrderNo() != null) {
                byOrder.computeIfAbsent(List.of(declaration.merchantOrderNo(), declaration.customsCode()),
                                key -> new LinkedHashMap<>())
                        .putIfAbsent(declaration.split() && declaration.subOrderId() != null
                                ? declaration.subOrderId() : WechatOrder.UNSPLIT, id);
            }
        }
        List<WechatOrder> orders = new ArrayList<>();
        byOrder.forEach((key, ids) -> orders.add(new WechatOrder(key.get(0), key.get(1), ids)));
        return orders;
    }
}
