package org.customsbridge.mapi;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.customsbridge.CustomsConstants;
import org.customsbridge.operations.GatewayCallMetrics;
import org.customsbridge.signing.MapiSigner;

/**
 * Makes the message a MAPI request: the unsigned parameters in the body are signed and form-encoded
 * (UTF-8), and every header but Camel's own is removed, so that nothing internal leaks.
 */
public class MapiRequestSigner {

    /** Exchange property the signer fills with the gateway URL to call. */
    public static final String URL = CustomsConstants.GATEWAY_URL;

    private final MapiSigner signer;
    private final Supplier<String> gatewayUrl;

    public MapiRequestSigner(MapiSigner signer, Supplier<String> gatewayUrl) {
        this.signer = signer;
        this.gatewayUrl = gatewayUrl;
    }

    @SuppressWarnings("unchecked")
    public void sign(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, String> params = message.getBody(Map.class);
        message.removeHeaders("*", "Camel*");
        message.setBody(MapiForm.encode(signer.signed(params)));
        // the enum, not "POST": camel-http would look up a String-to-enum converter on every call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader(Exchange.CONTENT_TYPE, MapiApi.CONTENT_TYPE_FORM);
        exchange.setProperty(URL, gatewayUrl.get());
        exchange.setProperty(GatewayCallMetrics.OPERATION,
                MapiApi.QUERY_SERVICE.equals(params.get(MapiApi.SERVICE)) ? "mapi.query" : "mapi.declare");
    }
}
