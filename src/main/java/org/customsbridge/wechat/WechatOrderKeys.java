package org.customsbridge.wechat;

import java.util.Optional;

import org.customsbridge.admission.OrderKeys;
import org.customsbridge.record.Declaration;

/**
 * WeChat Pay holds one declaration per {@code out_trade_no}, {@code sub_order_no} (none for an unsplit
 * payment) and {@code customs}: a second {@code ADD} of the same three with other data is refused, and
 * with the same data it is the first declaration again. Two records declaring one of them under two
 * {@code declarationRequestId}s would be one declaration reported twice.
 */
public final class WechatOrderKeys implements OrderKeys {

    public static final String GATEWAY = "wechat";

    @Override
    public Optional<OrderKey> of(Declaration declaration) {
        if (!GATEWAY.equals(declaration.gateway())) {
            return Optional.empty();
        }
        String subOrder = declaration.split() ? declaration.subOrderId() : "";
        String key = String.join("|", GATEWAY, declaration.customsCode(), declaration.merchantOrderNo(), subOrder);
        String description = "merchantOrderNo \"" + declaration.merchantOrderNo() + "\""
                + (declaration.split() ? ", subOrderId \"" + subOrder + "\"" : " (unsplit)")
                + " at customsCode \"" + declaration.customsCode() + "\"";
        return Optional.of(new OrderKey(key, description));
    }
}
