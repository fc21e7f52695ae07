package org.customsbridge.mapi;

import java.util.regex.Pattern;

/** The legacy Alipay gateway (MAPI): path, services and parameter names (as Alipay's MAPI customs pages name them). */
public final class MapiApi {

    /** Path of the gateway; production is {@code https://intlmapi.alipay.com/gateway.do}. */
    public static final String GATEWAY_PATH = "/gateway.do";

    public static final String DECLARE_SERVICE = "alipay.acquire.customs";
    public static final String QUERY_SERVICE = "alipay.overseas.acquire.customs.query";

    /** The only charset the bundle sends and the simulator accepts. */
    public static final String CHARSET = "UTF-8";
    public static final String CONTENT_TYPE_FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    public static final String CONTENT_TYPE_XML = "text/xml; charset=UTF-8";

    // common request parameters
    public static final String SERVICE = "service";
    public static final String PARTNER = "partner";
    public static final String INPUT_CHARSET = "_input_charset";
    public static final String SIGN_TYPE = "sign_type";
    public static final String SIGN = "sign";

    // declare request parameters
    public static final String OUT_REQUEST_NO = "out_request_no";
    public static final String TRADE_NO = "trade_no";
    public static final String MERCHANT_CUSTOMS_CODE = "merchant_customs_code";
    public static final String MERCHANT_CUSTOMS_NAME = "merchant_customs_name";
    public static final String AMOUNT = "amount";
    public static final String CUSTOMS_PLACE = "customs_place";
    public static final String IS_SPLIT = "is_split";
    public static final String SUB_OUT_BIZ_NO = "sub_out_biz_no";
    public static final String BUYER_NAME = "buyer_name";
    public static final String BUYER_ID_NO = "buyer_id_no";

    // query request parameter
    public static final String OUT_REQUEST_NOS = "out_request_nos";
    /** Most ids one query may name. */
    public static final int MAX_QUERY_IDS = 10;

    /** An {@code out_request_no}: 6–32 characters of {@code [0-9A-Za-z_:-]}. */
    public static final Pattern OUT_REQUEST_NO_PATTERN = Pattern.compile("[0-9A-Za-z_:-]{6,32}");

    // answer: envelope
    public static final String IS_SUCCESS = "is_success";
    public static final String ERROR = "error";
    // answer: the <alipay> inside <response>
    public static final String RESULT_CODE = "result_code";
    public static final String DETAIL_ERROR_CODE = "detail_error_code";
    public static final String DETAIL_ERROR_DES = "detail_error_des";
    public static final String ALIPAY_DECLARE_NO = "alipay_declare_no";
    public static final String IDENTITY_CHECK = "identity_check";
    public static final String NOT_FOUND = "not_found";
    // answer: one <records><customs_declare> of a query
    public static final String STATUS = "status";
    public static final String MEMO = "memo";
    public static final String LAST_MODIFIED_TIME = "last_modified_time";
    public static final String CUSTOMS_CODE = "customs_code";
    public static final String CUSTOMS_INFO = "customs_info";
    public static final String CUSTOMS_RETURN_TIME = "customs_return_time";

    public static final String RESULT_SUCCESS = "SUCCESS";
    public static final String RESULT_FAIL = "FAIL";
    public static final String TRUE = "T";
    public static final String FALSE = "F";

    private MapiApi() {
    }
}
