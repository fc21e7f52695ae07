package org.customsbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code customs.*} properties of the contract (CONTRACT §5). Defaults here are the embedded
 * ones: the built-in simulator, demo keys, local folders.
 */
@ConfigurationProperties("customs")
public record CustomsProperties(
        @DefaultValue("alipay-plus") String gateway,
        @DefaultValue AlipayPlus alipayPlus,
        @DefaultValue Mapi mapi,
        @DefaultValue Merchant merchant,
        @DefaultValue("data/inbox") Path inbox,
        @DefaultValue("data/outbox") Path outbox,
        @DefaultValue Http http,
        @DefaultValue Retry retry,
        @DefaultValue Tracking tracking,
        @DefaultValue("data/keys") Path demoKeysDirectory,
        @DefaultValue("5m") Duration retransmissionWait) {

    /**
     * @param requestTimeFormat   how the signed {@code Request-Time} header is written: iso-offset
     *                            ({@code 2026-11-24T10:15:30+08:00}, as Alipay+'s pages show) or
     *                            epoch-millis (as Alipay's Java SDK sends)
     * @param declarationStatuses the inquiry's {@code declarationRequestStatus} values known; Alipay+
     *                            publishes no list, so another value is logged once at WARN (the
     *                            customs result code alone decides the status either way)
     */
    public record AlipayPlus(
            String endpoint,
            String clientId,
            @DefaultValue("1") String keyVersion,
            String privateKey,
            String alipayPublicKey,
            @DefaultValue("iso-offset") org.customsbridge.alipayplus.RequestTimeFormat requestTimeFormat,
            @DefaultValue({"WAITING_FOR_PROCESSING", "SUCCESS"}) java.util.Set<String> declarationStatuses) {

        @Override
        public String toString() {
            return "AlipayPlus[endpoint=" + endpoint + ", clientId=" + clientId + ", keyVersion=" + keyVersion + "]";
        }
    }

    /**
     * The legacy gateway: full {@code gateway.do} URL, partner id, sign type and the keys it needs
     * (the MD5 key for MD5; the private key and Alipay's public key for RSA and RSA2).
     *
     * @param answerSignature the readings of what an answer's signature covers that are accepted
     *                        (sorted, sorted-with-empty, sorted-trimmed, sorted-trimmed-with-empty,
     *                        response-text); default all, since no Alipay page settles which one the
     *                        gateway uses. Each still needs Alipay's signature; the one that matched is
     *                        logged, and naming it alone here narrows what is accepted.
     * @param changedResendCodes the {@code detail_error_code} values by which Alipay refuses a resend
     *                        whose data changed (the declaration sent before stands); documented as
     *                        CONTEXT_INCONSISTENT "or another code"
     */
    public record Mapi(
            String endpoint,
            String partner,
            @DefaultValue("RSA2") String signType,
            String md5Key,
            String privateKey,
            String alipayPublicKey,
            @DefaultValue({"sorted", "sorted-with-empty", "sorted-trimmed", "sorted-trimmed-with-empty",
                    "response-text"}) java.util.Set<org.customsbridge.mapi.MapiAnswerSigning> answerSignature,
            @DefaultValue("CONTEXT_INCONSISTENT") java.util.Set<String> changedResendCodes) {

        @Override
        public String toString() {
            return "Mapi[endpoint=" + endpoint + ", partner=" + partner + ", signType=" + signType + "]";
        }
    }

    public record Merchant(String customsCode, String customsName) {
    }

    public record Http(
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("100") int maxConnections) {
    }

    /**
     * @param maxAttempts declare calls per declaration while the answer is unknown (same parameters)
     * @param delay       the wait before the first resend; it doubles with each one
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("10s") Duration delay) {

        public Retry {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("customs.retry.max-attempts: 1 to 20, was " + maxAttempts);
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("customs.retry.delay: must not be negative, was " + delay);
            }
        }
    }

    /**
     * @param pollInterval how often open declarations are queried
     * @param batchSize    ids per query call; the APIs allow at most 10
     * @param customsAcceptedCodes customs receipt codes that mean accepted (negative ones mean rejected,
     *                     anything else pending)
     */
    public record Tracking(
            @DefaultValue("5m") Duration pollInterval,
            @DefaultValue("10") int batchSize,
            @DefaultValue({"2", "120"}) java.util.Set<String> customsAcceptedCodes) {

        public Tracking {
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("customs.tracking.batch-size: 1 to 10 (the APIs take at most 10 ids"
                        + " per query), was " + batchSize);
            }
            if (pollInterval.compareTo(Duration.ofMillis(100)) < 0 || pollInterval.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("customs.tracking.poll-interval: 100ms to 1d, was " + pollInterval);
            }
        }
    }

    /** The gateways a record may name in its {@code gateway} field. */
    public static final List<String> GATEWAYS = List.of("alipay-plus", "mapi");
}
