package org.customsbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code customs.*} settings of the bundle itself: gateways, folders, intake, calls, tracking
 * and the ledger's rules. The operations endpoints, the report, the simulator and each intake or
 * sink with parameters of its own have their own classes under the same prefix. Every default is
 * written here, nowhere else; a value the bundle cannot work with stops start-up naming the property.
 *
 * @param gateway              the gateway of records without a {@code gateway} field: {@code alipay-plus},
 *                             {@code mapi} or {@code wechat}
 * @param alipayPlus           the Alipay+ customs declaration API
 * @param mapi                 Alipay's legacy MAPI gateway
 * @param wechat               WeChat Pay's customs declaration API (v2)
 * @param merchant             the merchant's customs registration, for records that carry none
 * @param inbox                folder where order files are dropped
 * @param outbox               folder where results files appear
 * @param intake               how files and messages are taken in
 * @param jms                  the JMS intake
 * @param http                 calls to the gateways
 * @param retry                resends of a declaration whose answer is unknown
 * @param tracking             queries of open declarations until customs answers
 * @param retransmissionWait   a declared id that comes again with changed merchant customs code or
 *                             name, customs code or amount is declared again no earlier than this after
 *                             its last call (Alipay's rule)
 * @param retransmissionCheck  how often declarations waiting for their retransmission are looked for
 * @param node                 this bundle instance in the ledger
 * @param cluster              several bundle instances on one ledger
 */
@ConfigurationProperties("customs")
@Validated
public record CustomsProperties(
        @DefaultValue("alipay-plus") String gateway,
        @DefaultValue AlipayPlus alipayPlus,
        @DefaultValue Mapi mapi,
        @DefaultValue Wechat wechat,
        @DefaultValue Merchant merchant,
        @DefaultValue("data/inbox") Path inbox,
        @DefaultValue("data/outbox") Path outbox,
        @DefaultValue Intake intake,
        @DefaultValue Jms jms,
        @DefaultValue Http http,
        @DefaultValue Retry retry,
        @DefaultValue Tracking tracking,
        @DefaultValue("5m") Duration retransmissionWait,
        @DefaultValue("10s") Duration retransmissionCheck,
        @DefaultValue Node node,
        @DefaultValue Cluster cluster) {

    public CustomsProperties {
        if (retransmissionCheck.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("customs.retransmission-check: at least 100ms, was "
                    + retransmissionCheck);
        }
    }

    /**
     * @param endpoint            base URL of the Alipay+ API; empty: the built-in simulator when it is on
     * @param clientId            the client id Alipay+ issued to the merchant
     * @param keyVersion          version of the merchant's signing key registered with Alipay+
     * @param privateKey          the merchant's RSA private key: PEM text, or {@code file:} and a path
     * @param alipayPublicKey     Alipay's RSA public key that verifies its answers: PEM text, or
     *                            {@code file:} and a path
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
     * The legacy gateway and the keys it needs (the MD5 key for MD5; the private key and Alipay's
     * public key for RSA and RSA2).
     *
     * @param endpoint        full {@code gateway.do} URL; empty: the built-in simulator when it is on
     * @param partner         the partner id (16 digits starting with 2088)
     * @param signType        how requests are signed: {@code MD5}, {@code RSA} or {@code RSA2}
     * @param md5Key          the MD5 key shared with Alipay, for sign type MD5
     * @param privateKey      the merchant's RSA private key, for RSA and RSA2: PEM text, or {@code file:}
     *                        and a path
     * @param alipayPublicKey Alipay's RSA public key, for RSA and RSA2: PEM text, or {@code file:} and a
     *                        path
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

    /**
     * WeChat Pay's customs declaration API (v2: XML over HTTPS, MD5 signatures with the API key).
     *
     * @param url               base URL of the API, e.g. {@code https://api.mch.weixin.qq.com} (the call's
     *                          path is appended); empty: the built-in simulator when it is on
     * @param appId             the app id bound to the merchant account ({@code appid})
     * @param mchId             the merchant id ({@code mch_id}, 10 digits)
     * @param apiKey            the merchant's v2 API key (32 characters) that signs requests and verifies
     *                          answers: the key itself (e.g. from the environment variable
     *                          CUSTOMS_WECHAT_APIKEY), or {@code file:} and a path
     * @param sendSignType      send {@code sign_type=MD5} with every call (it is then signed too); WeChat's
     *                          pages show it as optional and clients differ
     * @param transientErrors   {@code err_code} values meaning WeChat failed, not the call: the declaration
     *                          is resent unchanged (SYSTEMERROR is WeChat's generic one; its pages do not
     *                          confirm it for customs)
     * @param notFoundErrors    {@code err_code} values of a query about an order WeChat does not know;
     *                          WeChat's customs pages name none, ORDERNOTEXIST is its generic one
     */
    public record Wechat(
            String url,
            String appId,
            String mchId,
            String apiKey,
            @DefaultValue("true") boolean sendSignType,
            @DefaultValue("SYSTEMERROR") java.util.Set<String> transientErrors,
            @DefaultValue("ORDERNOTEXIST") java.util.Set<String> notFoundErrors) {

        @Override
        public String toString() {
            return "Wechat[url=" + url + ", appId=" + appId + ", mchId=" + mchId + "]";
        }
    }

    /**
     * @param customsCode the merchant's registration code at customs, for records without one
     * @param customsName the merchant's registered name at customs, for records without one
     */
    public record Merchant(String customsCode, String customsName) {
    }

    /**
     * @param concurrency records of a file declared at the same time (hides the gateway's latency; 1 =
     *                    one after another)
     * @param file        the inbox folder's polling
     */
    public record Intake(
            @DefaultValue("50") int concurrency,
            @DefaultValue FilePolling file) {

        public Intake {
            if (concurrency < 1 || concurrency > 1000) {
                throw new IllegalArgumentException("customs.intake.concurrency: 1 to 1000, was " + concurrency);
            }
        }
    }

    /**
     * @param pollDelay   how often the inbox is polled
     * @param stableFor   a file is taken only once its size and time stamp have not changed for this long
     * @param lockTimeout a file still changing after this long is left for the next poll
     */
    public record FilePolling(
            @DefaultValue("1s") Duration pollDelay,
            @DefaultValue("1s") Duration stableFor,
            @DefaultValue("10s") Duration lockTimeout) {

        public FilePolling {
            positive("customs.intake.file.poll-delay", pollDelay);
            positive("customs.intake.file.stable-for", stableFor);
            positive("customs.intake.file.lock-timeout", lockTimeout);
        }
    }

    /**
     * @param queue               queue of declaration messages (one JSON record each)
     * @param concurrentConsumers how many consumers read the queue
     * @param deadLetterQueue     where messages that are not JSON records go, with the reason in the
     *                            {@code CustomsReason} header
     */
    public record Jms(
            @DefaultValue("customs.declarations") String queue,
            @DefaultValue("4") int concurrentConsumers,
            @DefaultValue("customs.declarations.DLQ") String deadLetterQueue) {

        public Jms {
            if (concurrentConsumers < 1) {
                throw new IllegalArgumentException("customs.jms.concurrent-consumers: at least 1, was "
                        + concurrentConsumers);
            }
        }
    }

    /**
     * @param timeout        connect and read timeout of one call to a gateway
     * @param maxConnections connections kept open to each gateway
     */
    public record Http(
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("100") int maxConnections) {
    }

    /**
     * @param maxAttempts declare calls per declaration while the answer is unknown (timeout, HTTP error,
     *                    result U, untrusted answer), always with identical parameters
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
     * @param pollInterval         how often open declarations are queried
     * @param batchSize            ids per query call; the APIs allow at most 10
     * @param customsAcceptedCodes customs receipt codes that mean accepted (negative ones mean rejected,
     *                             anything else pending)
     */
    public record Tracking(
            @DefaultValue("5m") Duration pollInterval,
            @DefaultValue("10") int batchSize,
            @DefaultValue({"2", "120"}) Set<String> customsAcceptedCodes) {

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

    /**
     * @param heartbeatInterval how often this instance beats its heart in the ledger; a claim of a node
     *                          silent for three beats no longer holds (its calls are resent after a crash)
     */
    public record Node(@DefaultValue("2s") Duration heartbeatInterval) {

        public Node {
            positive("customs.node.heartbeat-interval", heartbeatInterval);
        }
    }

    /**
     * @param enabled several instances on one (PostgreSQL) ledger and one external broker: tracking, status
     *                sinks, retransmissions and the daily report are scheduled by a Quartz cluster in the
     *                ledger, so that each firing runs on one node only; off: one instance, schedules in memory
     */
    public record Cluster(@DefaultValue("false") boolean enabled) {
    }

    private static void positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + ": must be more than 0, was " + value);
        }
    }

    /** The gateways a record may name in its {@code gateway} field. */
    public static final List<String> GATEWAYS = List.of("alipay-plus", "mapi", "wechat");

    /** The setting that turns {@code gateway} on (without the simulator): its endpoint. */
    public static String endpointProperty(String gateway) {
        return "wechat".equals(gateway) ? "customs.wechat.url" : "customs." + gateway + ".endpoint";
    }
}
