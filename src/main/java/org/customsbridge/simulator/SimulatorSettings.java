package org.customsbridge.simulator;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.simulator.*}: the built-in Alipay sandbox.
 *
 * @param enabled              serve the sandbox on this application's HTTP port; gateway endpoints left
 *                             empty then point at it
 * @param clientId             the Alipay+ client id the sandbox accepts (and the bundle uses when its own
 *                             is not set)
 * @param customsDelay         how long after a declaration the simulated customs accepts it
 * @param latency              added before every answer, to imitate a remote gateway
 * @param unknownPaymentPrefix payment ids starting with this are unknown to the sandbox (ORDER_NOT_EXIST,
 *                             and TRADE_NOT_EXIST on MAPI)
 * @param partner              the MAPI partner id the sandbox accepts
 * @param md5Key               the MAPI MD5 key the sandbox shares with the bundle; the default is the demo key
 *                             of Alipay's MAPI documentation, never a real one
 * @param wechatAppId          the WeChat Pay app id the sandbox accepts
 * @param wechatMchId          the WeChat Pay merchant id the sandbox accepts
 * @param wechatApiKey         the WeChat Pay API key the sandbox shares with the bundle; the default is a
 *                             demo key, never a real one
 * @param timeoutDelay         how long a {@code timeout} rule keeps the caller waiting
 * @param remember             how many declarations, how many journal entries, and how many ids' declare calls
 *                             (for a rule's times) the sandbox keeps; beyond that it forgets the oldest first
 *                             (a forgotten id is answered as new, and is unknown to a query): a bound for long
 *                             runs through the sandbox, such as a benchmark of millions of records
 * @param rules                behaviours by declarationRequestId prefix ({@code customs.simulator.rules.<name>.*});
 *                             for WeChat Pay, whose calls carry no declarationRequestId, by merchantOrderNo prefix
 * @param faults               faults at random, by share of declare calls
 */
@ConfigurationProperties("customs.simulator")
@Validated
public record SimulatorSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("SANDBOX_5Y00000000001") String clientId,
        @DefaultValue("10s") Duration customsDelay,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("UNPAID-") String unknownPaymentPrefix,
        @DefaultValue("2088101568338364") String partner,
        @DefaultValue("demokeyfordocsonly0123456789abcd") String md5Key,
        @DefaultValue("wxd678efh567hg6787") String wechatAppId,
        @DefaultValue("1230000109") String wechatMchId,
        @DefaultValue("demokeyfordocsonly0123456789abcd") String wechatApiKey,
        @DefaultValue("40s") Duration timeoutDelay,
        @DefaultValue("200000") @Positive int remember,
        Map<String, Rule> rules,
        @DefaultValue Faults faults) {

    public SimulatorSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /**
     * Faults at random, for declare calls of ids no rule names ({@code customs.simulator.faults.*}):
     * each a share between 0 and 1 of the calls.
     *
     * @param u            share of declare calls answered with result status U
     * @param timeout      share of declare calls left without an answer until the caller times out
     * @param http500      share of declare calls answered with HTTP 500
     * @param malformed    share of declare calls answered with a body that does not parse
     * @param badSignature share of declare calls answered with a signature that does not verify
     */
    public record Faults(
            @DefaultValue("0") double u,
            @DefaultValue("0") double timeout,
            @DefaultValue("0") double http500,
            @DefaultValue("0") double malformed,
            @DefaultValue("0") double badSignature) {
    }

    /**
     * A behaviour for the declarations whose id starts with {@code prefix}.
     *
     * @param prefix  declarationRequestId prefix the rule applies to (merchantOrderNo prefix for WeChat Pay)
     * @param answer  for declare calls: {@code U}, {@code F:<CODE>}, {@code timeout}, {@code http-500},
     *                {@code malformed}, {@code bad-signature}; empty for none
     * @param times   how many declare calls of each id get {@code answer} (0: all of them)
     * @param customs the customs outcome: {@code accept} (default), {@code reject} or {@code pending}
     */
    public record Rule(String prefix, String answer, @DefaultValue("0") int times,
                       @DefaultValue("accept") String customs) {
    }

    /** Without the MD5 and API keys: settings get logged, and someone may put a real key here. */
    @Override
    public String toString() {
        return "SimulatorSettings[enabled=" + enabled + ", clientId=" + clientId + ", customsDelay=" + customsDelay
                + ", latency=" + latency + ", unknownPaymentPrefix=" + unknownPaymentPrefix + ", partner=" + partner
                + ", wechatAppId=" + wechatAppId + ", wechatMchId=" + wechatMchId + ", remember=" + remember + "]";
    }
}
