package org.customsbridge.mapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declaration request ids as {@code alipay.overseas.acquire.customs.query} parameters, unsigned: at
 * most ten, comma-separated, no spaces. Ids the gateway would refuse fail here, before any call.
 */
public class MapiQueryRequestMapper {

    public Map<String, String> toParams(List<String> declarationRequestIds, String partner) {
        if (declarationRequestIds == null || declarationRequestIds.isEmpty()) {
            throw new IllegalArgumentException("a query names at least one declaration request id");
        }
        if (declarationRequestIds.size() > MapiApi.MAX_QUERY_IDS) {
            throw new IllegalArgumentException("a query names at most " + MapiApi.MAX_QUERY_IDS
                    + " declaration request ids, not " + declarationRequestIds.size());
        }
        for (String id : declarationRequestIds) {
            if (id == null || !MapiApi.OUT_REQUEST_NO_PATTERN.matcher(id).matches()) {
                throw new IllegalArgumentException("not a MAPI out_request_no (6-32 of [0-9A-Za-z_:-]): " + id);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(MapiApi.SERVICE, MapiApi.QUERY_SERVICE);
        params.put(MapiApi.PARTNER, partner);
        params.put(MapiApi.INPUT_CHARSET, MapiApi.CHARSET);
        params.put(MapiApi.OUT_REQUEST_NOS, String.join(",", declarationRequestIds));
        return params;
    }
}
