package org.customsbridge.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** One order at one customs as {@code customdeclarequery} fields, unsigned: asked by {@code out_trade_no}. */
public class WechatQueryRequestMapper {

    private final Supplier<WechatAccount> account;

    public WechatQueryRequestMapper(Supplier<WechatAccount> account) {
        this.account = account;
    }

    public Map<String, String> toParams(WechatOrder order) {
        WechatAccount caller = account.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(WechatApi.APPID, caller.appId());
        params.put(WechatApi.MCH_ID, caller.mchId());
        params.put(WechatApi.OUT_TRADE_NO, order.merchantOrderNo());
        params.put(WechatApi.CUSTOMS, order.customsCode());
        return params;
    }
}
