package org.customsbridge.mapi;

/**
 * The sample answers of Alipay's two query pages ({@code alipay.overseas.acquire.customs.query},
 * pages 1 and 2), copied character for character: the parser's first test cases.
 */
final class MapiSamples {

    /** Query page 1, "A successful query return", verbatim. */
    static final String SEED_000_SUCCESS = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
                <is_success>T</is_success>
                <request>
                    <param name="sign">eb9ece9d658e7a9671411d1b43b5750c</param>
                    <param name="_input_charset">UTF-8</param>
                    <param name="sign_type">MD5</param>
                    <param name="service">alipay.overseas.acquire.customs.query</param>
                    <param name="out_request_nos">487xxxxxxxxx3624,766xxxxxxxxx9532</param>
                    <param name="partner">208xxxxxxxxx6350</param>
                </request>
                <response>
                    <alipay>
                        <records>
                            <customs_declare>
                                <alipay_declare_no>201xxxxxxxxxxxxxxxxxxx5271</alipay_declare_no>
                                <amount>1.00</amount>
                                <is_split>T</is_split>
                                <sub_out_biz_no>999xxxxxxxx9999</sub_out_biz_no>
                                <customs_place>hangzhou</customs_place>
                                <last_modified_time>2015-10-15 14:24:56</last_modified_time>
                                <memo/>
                                <merchant_customs_code>code</merchant_customs_code>
                                <merchant_customs_name>1</merchant_customs_name>
                                <out_request_no>487xxxxxxxxx3624</out_request_no>
                                <status>succ</status>
                                <trade_no>201xxxxxxxxxxxxxxxxxx5271</trade_no>
                                <customs_code>2</customs_code>
                                <customs_info> Adding Declaration Successful [B0B2F23E-2CF6-434D-9F24-8931B835A056]</customs_info>
                                <customs_return_time>201xxxxxxx2358</customs_return_time>
                            </customs_declare>
                            <customs_declare>
                                <alipay_declare_no>201xxxxxxxxxxxxxxxxxx6255</alipay_declare_no>
                                <amount>1.00</amount>
                                <customs_place>henan</customs_place>
                                <last_modified_time>2015-10-15 14:24:56</last_modified_time>
                                <memo/>
                                <merchant_customs_code>code</merchant_customs_code>
                                <merchant_customs_name>name</merchant_customs_name>
                                <out_request_no>766xxxxxxxxx9532</out_request_no>
                                <status>succ</status>
                                <trade_no>201xxxxxxxxx0237</trade_no>
                                <customs_code>2</customs_code>
                                <customs_info> Adding Declaration Successful [B0B2F23E-2CF6-434D-9F24-8931B835A056]</customs_info>
                                <customs_return_time>201xxxxxxx2358</customs_return_time>
                            </customs_declare>
                        </records>
                        <result_code>SUCCESS</result_code>
                    </alipay>
                </response>
                <sign>15669c65f3d19d0691425bba349a8b55</sign>
                <sign_type>MD5</sign_type>
            </alipay>""";

    /** Query page 1, "When the request is successful, but the business processing fails", verbatim. */
    static final String SEED_000_BUSINESS_FAILURE = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
                <is_success>T</is_success>
                <request>
                    <param name="sign">48201072f0d0991c3bab798d963c6cd8</param>
                    <param name="_input_charset">UTF-8</param>
                    <param name="sign_type">MD5</param>
                    <param name="service">alipay.overseas.acquire.customs.query</param>
                    <param name="out_request_nos">487xxxxxxxxx3624,766xxxxxxxxx9532,,</param>
                    <param name="partner">208xxxxxxxxx6350</param>
                </request>
                <response>
                    <alipay>
                        <detail_error_code>INVALID_PARAMETER</detail_error_code>
                        <detail_error_des> Declaration Form Parameters Illegal </detail_error_des>
                        <result_code>FAIL</result_code>
                    </alipay>
                </response>
                <sign>48fd2067e7fa2a7e779465d9e80dced5</sign>
                <sign_type>MD5</sign_type>
            </alipay>""";

    /** Query page 1, "When the request is failed or the accessed data are incorrect", verbatim. */
    static final String SEED_000_ILLEGAL_SIGN = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
                <is_success>F</is_success>
                <error>ILLEGAL_SIGN</error>
            </alipay>""";

    /** Query page 2, "Example of successful query return", verbatim. */
    static final String SEED_001_SUCCESS = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
            <is_success>T</is_success>
            <request>
            <param name="sign">eb9ece9d658e7a9671411d1b43b5750c</param>
            <param name="_input_charset">UTF-8</param>
            <param name="sign_type">MD5</param>
            <param name="service">alipay.overseas.acquire.customs.query</param>
            <param name="out_request_nos">4877067126133624,7665166179649532</param>
            <param name="partner">2088101143686350</param>
            </request>
            <response>
            <alipay>
            <records>
            <customs_declare>
            <alipay_declare_no>2015082011082370647505271</alipay_declare_no>
            <amount>1.00</amount>
            <is_split>T</is_split>
            <sub_out_biz_no>999999999999999</sub_out_biz_no>
            <customs_place>hangzhou</customs_place>
            <last_modified_time>2015-10-15 14:24:56</last_modified_time>
            <memo/>
            <merchant_customs_code>code</merchant_customs_code>
            <merchant_customs_name>1</merchant_customs_name>
            <out_request_no>4877067126133624</out_request_no>
            <status>succ</status>
            <trade_no>2015082011082370647505271</trade_no>
            <customs_code>2</customs_code>
            <customs_info> Adding Declaration Successful [B0B2F23E-2CF6-434D-9F24-8931B835A056]</customs_info>
            <customs_return_time>20160414142358</customs_return_time>
            </customs_declare>
            <customs_declare>
            <alipay_declare_no>2015081811082379147506255</alipay_declare_no>
            <amount>1.00</amount>
            <customs_place>henan</customs_place>
            <last_modified_time>2015-10-15 14:24:56</last_modified_time>
            <memo/>
            <merchant_customs_code>code</merchant_customs_code>
            <merchant_customs_name>name</merchant_customs_name>
            <out_request_no>7665166179649532</out_request_no>
            <status>succ</status>
            <trade_no>2015081710650237</trade_no>
            <customs_code>2</customs_code>
            <customs_info> Adding Declaration Successful [B0B2F23E-2CF6-434D-9F24-8931B835A056]</customs_info>
            <customs_return_time>20160414142358</customs_return_time>
            </customs_declare>
            </records>
            <result_code>SUCCESS</result_code>
            </alipay>
            </response>
            <sign>15669c65f3d19d0691425bba349a8b55</sign>
            <sign_type>MD5</sign_type>
            </alipay>""";

    /** Query page 2, "Example of when a request is successful, but the business processing fails", verbatim. */
    static final String SEED_001_BUSINESS_FAILURE = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
            <is_success>T</is_success>
            <request>
            <param name="sign">48201072f0d0991c3bab798d963c6cd8</param>
            <param name="_input_charset">UTF-8</param>
            <param name="sign_type">MD5</param>
            <param name="service">alipay.overseas.acquire.customs.query</param>
            <param name="out_request_nos">4877067126133624,7665166179649532,,</param>
            <param name="partner">2088101143686350</param>
            </request>
            <response>
            <alipay>
            <detail_error_code>INVALID_PARAMETER</detail_error_code>
            <detail_error_des> Declaration Form Parameters Illegal </detail_error_des>
            <result_code>FAIL</result_code>
            </alipay>
            </response>
            <sign>48fd2067e7fa2a7e779465d9e80dced5</sign>
            <sign_type>MD5</sign_type>
            </alipay>""";

    /** Query page 2, "Example of when a request is failed or the accessed data is incorrect", verbatim. */
    static final String SEED_001_ILLEGAL_SIGN = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
            <is_success>F</is_success>
            <error>ILLEGAL_SIGN</error>
            </alipay>""";

    private MapiSamples() {
    }
}
