package org.customsbridge.wechat;

import java.util.Map;

/**
 * One order at one customs as WeChat Pay's query sees it: every open declaration of that
 * {@code out_trade_no} and {@code customs}, by sub-order number ({@code ""} for the unsplit one).
 * One query call answers for all of them.
 */
public record WechatOrder(String merchantOrderNo, String customsCode, Map<String, String> idsBySubOrder) {

    /** The key of an unsplit declaration in {@link #idsBySubOrder}. */
    public static final String UNSPLIT = "";

    public WechatOrder {
        idsBySubOrder = Map.copyOf(idsBySubOrder);
    }
}
