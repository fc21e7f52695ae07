package org.customsbridge.wechat;

/** Who calls: the app id and merchant id every request carries. */
public record WechatAccount(String appId, String mchId) {
}
