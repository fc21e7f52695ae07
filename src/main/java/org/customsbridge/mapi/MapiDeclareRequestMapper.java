package org.customsbridge.mapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.record.Declaration;

/**
 * A declaration as {@code alipay.acquire.customs} parameters, unsigned: the amount in yuan with two
 * decimals, {@code is_split} as {@code T}/{@code F}, optional values left out (never {@code ""}).
 */
public class MapiDeclareRequestMapper {

    public Map<String, String> toParams(Declaration declaration, String partner) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(MapiApi.SERVICE, MapiApi.DECLARE_SERVICE);
        params.put(MapiApi.PARTNER, partner);
        params.put(MapiApi.INPUT_CHARSET, MapiApi.CHARSET);
        params.put(MapiApi.OUT_REQUEST_NO, declaration.declarationRequestId());
        params.put(MapiApi.TRADE_NO, declaration.paymentId());
        params.put(MapiApi.MERCHANT_CUSTOMS_CODE, declaration.merchantCustomsCode());
        params.put(MapiApi.MERCHANT_CUSTOMS_NAME, declaration.merchantCustomsName());
        // Declaration keeps scale 2, and toPlainString never writes an exponent: 1E+2 would be refused
        params.put(MapiApi.AMOUNT, declaration.amount().setScale(2).toPlainString());
        params.put(MapiApi.CUSTOMS_PLACE, declaration.customsCode());
        params.put(MapiApi.IS_SPLIT, declaration.split() ? MapiApi.TRUE : MapiApi.FALSE);
        if (declaration.split()) {
            putIfGiven(params, MapiApi.SUB_OUT_BIZ_NO, declaration.subOrderId());
        }
        putIfGiven(params, MapiApi.BUYER_NAME, declaration.buyerName());
        putIfGiven(params, MapiApi.BUYER_ID_NO, declaration.buyerIdNo());
        return params;
    }

    private static void putIfGiven(Map<String, String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, value);
        }
    }
}
