package org.customsbridge.wechat;

import java.util.Map;

/**
 * A WeChat Pay answer as its fields ({@code <xml>} children), trusted: {@link WechatAnswerVerifier}
 * lets only a verified one (or an unsigned {@code return_code=FAIL}) through.
 */
public record WechatAnswer(Map<String, String> fields) {

    public WechatAnswer {
        fields = Map.copyOf(fields);
    }

    /** {@code return_code=SUCCESS}: WeChat took the call (its business result is {@link #resultCode()}). */
    public boolean returned() {
        return WechatApi.SUCCESS.equals(field(WechatApi.RETURN_CODE));
    }

    public String returnMessage() {
        return field(WechatApi.RETURN_MSG);
    }

    public String resultCode() {
        return field(WechatApi.RESULT_CODE);
    }

    public String errCode() {
        return field(WechatApi.ERR_CODE);
    }

    public String errCodeDes() {
        return field(WechatApi.ERR_CODE_DES);
    }

    /** A field's value, stripped; {@code null} when absent or empty. */
    public String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
