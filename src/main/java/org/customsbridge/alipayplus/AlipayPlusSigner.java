package org.customsbridge.alipayplus;

import java.time.Clock;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.customsbridge.CustomsConstants;
import org.customsbridge.operations.GatewayCallMetrics;
import org.customsbridge.signing.AlipayPlusSignature;
import org.customsbridge.signing.SignatureHeader;

/**
 * Makes the message an Alipay+ request: the JSON body as it is, signed headers, and nothing else
 * (every other header but Camel's own is removed, so that no internal header leaks to the gateway).
 */
public class AlipayPlusSigner {

    /** Exchange property naming the operation path, e.g. {@link AlipayPlusApi#DECLARE_PATH}. */
    public static final String PATH = CustomsConstants.ALIPAY_PLUS_PATH;
    /** Exchange property the signer fills with the full URL to call. */
    public static final String URL = CustomsConstants.GATEWAY_URL;

    private final AlipayPlusCredentials credentials;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    private final RequestTimeFormat requestTimeFormat;

    public AlipayPlusSigner(AlipayPlusCredentials credentials, Supplier<String> baseUrl, Clock clock) {
        this(credentials, baseUrl, clock, RequestTimeFormat.ISO_OFFSET);
    }

    public AlipayPlusSigner(AlipayPlusCredentials credentials, Supplier<String> baseUrl, Clock clock,
                            RequestTimeFormat requestTimeFormat) {
        this.credentials = credentials;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.requestTimeFormat = requestTimeFormat;
    }

    public void sign(Exchange exchange) {
        String path = exchange.getProperty(PATH, String.class);
        Message message = exchange.getMessage();
        String body = message.getBody(String.class);
        String requestTime = requestTimeFormat.now(clock);
        String signature = AlipayPlusSignature.sign("POST", path, credentials.clientId(), requestTime, body,
                credentials.privateKey());
        // Camel's own headers stay (the redelivery counter lives there); camel-http never sends them.
        message.removeHeaders("*", "Camel*");
        // the enum, not "POST": camel-http would look up a String-to-enum converter on every call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader(Exchange.CONTENT_TYPE, AlipayPlusApi.CONTENT_TYPE_JSON);
        message.setHeader(AlipayPlusApi.CLIENT_ID, credentials.clientId());
        message.setHeader(AlipayPlusApi.REQUEST_TIME, requestTime);
        message.setHeader(AlipayPlusApi.SIGNATURE,
                new SignatureHeader(SignatureHeader.RSA256, credentials.keyVersion(), signature).format());
        exchange.setProperty(URL, baseUrl.get() + path);
        exchange.setProperty(GatewayCallMetrics.OPERATION,
                AlipayPlusApi.DECLARE_PATH.equals(path) ? "alipay-plus.declare" : "alipay-plus.inquire");
    }
}
