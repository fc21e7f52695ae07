package org.customsbridge.preflight;

import java.net.URI;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Whether an HTTP endpoint answers at all, asked through Camel's HTTP client — the one the bundle's
 * own calls use, with its timeouts, trust store and client certificate. Any HTTP status counts as an
 * answer: preflight only proves that address, network and TLS work; it sends no business data. The
 * URL's query string is never printed (it may carry a token).
 */
final class ReachableUrl {

    private ReachableUrl() {
    }

    static PreflightResult check(ProducerTemplate producer, String part, String method, String url, String property) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return PreflightResult.failed(part, "not a URL: check " + property);
        }
        if (uri.getScheme() == null || uri.getAuthority() == null || !uri.getScheme().startsWith("http")) {
            return PreflightResult.failed(part, "not an http(s) URL: check " + property);
        }
        String shown = uri.getScheme() + "://" + uri.getAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        Exchange answer = producer.send(shown + "?throwExceptionOnFailure=false", exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            if (uri.getRawQuery() != null) {
                exchange.getMessage().setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
            }
        });
        if (answer.getException() != null) {
            return PreflightResult.failed(part, shown + " does not answer (" + GatewayCheck.rootMessage(
                    answer.getException()) + "): check " + property);
        }
        return PreflightResult.ok(part, shown + " answers (" + method + ": HTTP "
                + answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE) + ")");
    }
}
