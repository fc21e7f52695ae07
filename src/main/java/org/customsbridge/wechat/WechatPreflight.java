package org.customsbridge.wechat;

import java.util.Set;

import org.customsbridge.preflight.GatewaySettingsHints;

/**
 * The WeChat Pay settings behind each kind of failed preflight call. One API key signs both ways;
 * WeChat refuses a wrong signature, app id or merchant id alike with {@code return_code=FAIL}.
 */
public final class WechatPreflight {

    private WechatPreflight() {
    }

    public static GatewaySettingsHints hints() {
        return new GatewaySettingsHints("wechat", "customs.wechat.url",
                "customs.wechat.api-key, customs.wechat.app-id and customs.wechat.mch-id", "customs.wechat.api-key",
                "customs.wechat.mch-id and customs.wechat.app-id", Set.of(WechatDeclareAnswerMapper.REFUSED_CALL),
                Set.of("NOAUTH"));
    }
}
