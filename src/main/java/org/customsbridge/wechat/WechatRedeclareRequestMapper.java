package org.customsbridge.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.customsbridge.record.Declaration;

/**
 * A declaration as {@code customdeclareredeclare} fields, unsigned: WeChat Pay pushes the data it holds
 * of that order (and sub-order) to that customs again. It is named as the query names it, plus the
 * merchant's registration at that customs; nothing of the declaration's data is sent again.
 */
public class WechatRedeclareRequestMapper {

    private final Supplier<WechatAccount> account;

    public WechatRedeclareRequestMapper(Supplier<WechatAccount> account) {
        this.account = account;
    }

    public Map<String, String> toParams(Declaration declaration) {
        WechatAccount caller = account.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(WechatApi.APPID, caller.appId());
        params.put(WechatApi.MCH_ID, caller.mchId());
        params.put(WechatApi.OUT_TRADE_NO, declaration.merchantOrderNo());
        if (declaration.split()) {
            params.put(WechatApi.SUB_ORDER_NO, declaration.subOrderId());
        }
        params.put(WechatApi.CUSTOMS, declaration.customsCode());
        params.put(WechatApi.MCH_CUSTOMS_NO, declaration.merchantCustomsCode());
        return params;
    }
}
