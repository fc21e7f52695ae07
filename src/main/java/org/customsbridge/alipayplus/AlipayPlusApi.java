package org.customsbridge.alipayplus;

/** Alipay+ customs operation paths and header names (as Alipay+'s declare and inquiry pages name them). */
public final class AlipayPlusApi {

    public static final String DECLARE_PATH = "/aps/api/v1/customs/declare";
    public static final String INQUIRE_PATH = "/aps/api/v1/customs/inquireDeclarationRequests";

    public static final String CLIENT_ID = "Client-Id";
    public static final String REQUEST_TIME = "Request-Time";
    public static final String RESPONSE_TIME = "Response-Time";
    public static final String SIGNATURE = "Signature";
    public static final String CONTENT_TYPE_JSON = "application/json; charset=UTF-8";

    private AlipayPlusApi() {
    }
}
