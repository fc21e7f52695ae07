package org.customsbridge.wechat;

/** WeChat Pay's customs declaration API (v2): paths and field names, as WeChat's customs pages name them. */
public final class WechatApi {

    /** Production base URL; the paths below are appended. */
    public static final String PRODUCTION_URL = "https://api.mch.weixin.qq.com";
    public static final String DECLARE_PATH = "/cgi-bin/mch/customs/customdeclareorder";
    public static final String QUERY_PATH = "/cgi-bin/mch/customs/customdeclarequery";
    public static final String REDECLARE_PATH = "/cgi-bin/mch/newcustoms/customdeclareredeclare";

    public static final String CONTENT_TYPE_XML = "text/xml; charset=UTF-8";
    /** The root element of every request and answer. */
    public static final String ROOT = "xml";

    // request
    public static final String APPID = "appid";
    public static final String MCH_ID = "mch_id";
    public static final String OUT_TRADE_NO = "out_trade_no";
    public static final String TRANSACTION_ID = "transaction_id";
    public static final String CUSTOMS = "customs";
    public static final String MCH_CUSTOMS_NO = "mch_customs_no";
    public static final String ACTION_TYPE = "action_type";
    public static final String DUTY = "duty";
    public static final String SUB_ORDER_NO = "sub_order_no";
    public static final String FEE_TYPE = "fee_type";
    public static final String ORDER_FEE = "order_fee";
    public static final String TRANSPORT_FEE = "transport_fee";
    public static final String PRODUCT_FEE = "product_fee";
    public static final String CERT_TYPE = "cert_type";
    public static final String CERT_ID = "cert_id";
    public static final String NAME = "name";
    public static final String SIGN = "sign";
    public static final String SIGN_TYPE = "sign_type";

    public static final String ADD = "ADD";
    public static final String MODIFY = "MODIFY";
    public static final String CNY = "CNY";
    public static final String IDCARD = "IDCARD";
    public static final String MD5 = "MD5";

    // answer
    public static final String RETURN_CODE = "return_code";
    public static final String RETURN_MSG = "return_msg";
    public static final String RESULT_CODE = "result_code";
    public static final String ERR_CODE = "err_code";
    public static final String ERR_CODE_DES = "err_code_des";
    public static final String STATE = "state";
    public static final String SUB_ORDER_ID = "sub_order_id";
    public static final String MODIFY_TIME = "modify_time";
    public static final String CERT_CHECK_RESULT = "cert_check_result";
    public static final String COUNT = "count";
    public static final String EXPLANATION = "explanation";

    public static final String SUCCESS = "SUCCESS";
    public static final String FAIL = "FAIL";

    private WechatApi() {
    }

    /** A query answer's per-record field: {@code name_n}, {@code n} counted from 0. */
    public static String numbered(String name, int n) {
        return name + "_" + n;
    }
}
