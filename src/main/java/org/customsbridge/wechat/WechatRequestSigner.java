package org.customsbridge.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.customsbridge.CustomsConstants;
import org.customsbridge.operations.GatewayCallMetrics;
import org.customsbridge.signing.WechatSigner;
import org.customsbridge.xml.FlatXml;

/**
 * Makes the message a WeChat Pay request: the unsigned fields in the body are signed (MD5 with the
 * API key, {@code sign_type=MD5} first added and signed when so configured) and written as one
 * {@code <xml>} document; every header but Camel's own is removed, so that nothing internal leaks.
 */
public class WechatRequestSigner {

    private final WechatSigner signer;
    private final Supplier<String> baseUrl;
    private final boolean sendSignType;

    public WechatRequestSigner(WechatSigner signer, Supplier<String> baseUrl, boolean sendSignType) {
        this.signer = signer;
        this.baseUrl = baseUrl;
        this.sendSignType = sendSignType;
    }

    public void signDeclare(Exchange exchange) {
        sign(exchange, WechatApi.DECLARE_PATH, "wechat.declare");
    }

    public void signQuery(Exchange exchange) {
        sign(exchange, WechatApi.QUERY_PATH, "wechat.query");
    }

    public void signRedeclare(Exchange exchange) {
        sign(exchange, WechatApi.REDECLARE_PATH, "wechat.redeclare");
    }

    /** The fields with {@code sign_type} (if sent) and {@code sign} added, in their order. */
    public Map<String, String> signed(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove(WechatApi.SIGN);
        if (sendSignType) {
            signed.put(WechatApi.SIGN_TYPE, WechatApi.MD5);
        }
        signed.put(WechatApi.SIGN, signer.sign(signed));
        return signed;
    }

    @SuppressWarnings("unchecked")
    private void sign(Exchange exchange, String path, String operation) {
        Message message = exchange.getMessage();
        Map<String, String> params = message.getBody(Map.class);
        message.removeHeaders("*", "Camel*");
        message.setBody(FlatXml.write(WechatApi.ROOT, signed(params)));
        // the enum, not "POST": camel-http would look up a String-to-enum converter on every call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader(Exchange.CONTENT_TYPE, WechatApi.CONTENT_TYPE_XML);
        String base = baseUrl.get();
        exchange.setProperty(CustomsConstants.GATEWAY_URL,
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        exchange.setProperty(GatewayCallMetrics.OPERATION, operation);
    }
}
