package org.customsbridge.validation;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.customsbridge.record.Fields;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.enrich.http.*}: the optional ERP lookup that fills a record's missing fields. Off
 * while {@code url} is empty.
 *
 * @param url         e.g. {@code https://erp.example.com/api/orders/{declarationRequestId}}: each
 *                    {@code {field}} is the record's value of that field, URL-encoded
 * @param cacheTtl    an answer is reused this long for the same URL
 * @param timeout     connect and read timeout of one lookup
 * @param maxAttempts lookups per record while the ERP does not answer (timeout, connection failure,
 *                    HTTP 5xx or 429); 1 = no retry. Then the record is INVALID naming the lookup
 * @param retryDelay  wait before the first retry; it doubles with each one
 */
@Validated
@ConfigurationProperties("customs.enrich.http")
public record LookupSettings(
        String url,
        @DefaultValue("10m") Duration cacheTtl,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1") int maxAttempts,
        @DefaultValue("1s") Duration retryDelay) {

    public LookupSettings {
        if (enabled(url)) {
            String template = url.strip();
            if (!template.startsWith("http://") && !template.startsWith("https://")) {
                throw new IllegalArgumentException("customs.enrich.http.url: an http:// or https:// URL, was " + template);
            }
            Matcher placeholders = ErpLookup.PLACEHOLDER.matcher(template);
            while (placeholders.find()) {
                if (!Fields.ALL.contains(placeholders.group(1))) {
                    throw new IllegalArgumentException("customs.enrich.http.url: {" + placeholders.group(1)
                            + "} is not a record field (" + String.join(", ", Fields.ALL) + ")");
                }
            }
            if (origin(template).getHost() == null) {
                throw new IllegalArgumentException("customs.enrich.http.url: no host in " + template);
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("customs.enrich.http.max-attempts: 1 to 10, was " + maxAttempts);
            }
            if (cacheTtl.isNegative() || retryDelay.isNegative() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("customs.enrich.http: cache-ttl and retry-delay must not be negative, "
                        + "timeout must be positive");
            }
        }
    }

    public boolean enabled() {
        return enabled(url);
    }

    /** The ERP's scheme, host and port: the erp-lookup route's endpoint (the full URL is per record). */
    public String origin() {
        URI origin = origin(url.strip());
        return origin.getScheme() + "://" + origin.getRawAuthority();
    }

    private static URI origin(String template) {
        // the {field} placeholders are no URI characters: only what comes before the path is parsed
        int path = template.indexOf('/', template.indexOf("//") + 2);
        try {
            return URI.create(path < 0 ? template : template.substring(0, path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("customs.enrich.http.url: not a URL: " + template, e);
        }
    }

    /**
     * The lookup's resends ({@code redeliveryPolicyRef: erpLookupRedelivery}): max-attempts calls in
     * all, retry-delay before the first resend, doubling. The record's message tells how it ended.
     */
    public RedeliveryPolicy redeliveryPolicy() {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(maxAttempts - 1);
        policy.setRedeliveryDelay(retryDelay.toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        policy.setLogExhausted(false);
        policy.setLogStackTrace(false);
        return policy;
    }

    private static boolean enabled(String url) {
        return url != null && !url.isBlank();
    }
}
