package org.customsbridge.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.PropertiesRouteTemplateParametersSource;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.customsbridge.admission.Claims;
import org.customsbridge.alipayplus.AlipayPlusCredentials;
import org.customsbridge.alipayplus.AlipayPlusSigner;
import org.customsbridge.alipayplus.AlipayPlusVerifier;
import org.customsbridge.alipayplus.DeclareAnswerMapper;
import org.customsbridge.alipayplus.DeclareRequestMapper;
import org.customsbridge.components.CamelComponents;
import org.customsbridge.declare.AdmissionSteps;
import org.customsbridge.declare.GatewayFailures;
import org.customsbridge.intake.EndpointFiles;
import org.customsbridge.intake.EndpointIntakeSettings;
import org.customsbridge.intake.EndpointIntakes;
import org.customsbridge.intake.InboxFiles;
import org.customsbridge.intake.InputFormats;
import org.customsbridge.intake.MessageRecords;
import org.customsbridge.intake.SftpIntake;
import org.customsbridge.intake.SftpPolls;
import org.customsbridge.intake.SftpSettings;
import org.customsbridge.ledger.H2LedgerRebuild;
import org.customsbridge.ledger.NodeHeartbeat;
import org.customsbridge.results.ResultRows;
import org.customsbridge.signing.PemKeys;
import org.customsbridge.validation.ErpLookup;
import org.customsbridge.validation.LookupSettings;
import org.customsbridge.validation.MerchantEnricher;
import org.customsbridge.validation.RecordChecks;
import org.customsbridge.validation.RecordValidator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The named building blocks the routes call, built from {@code customs.*}. A setting the bundle
 * cannot work without stops start-up with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
public class CustomsConfiguration {

    /** The bundle's time; a test may bring its own clock. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The workers that declare the records of a file in parallel, to hide the gateway's latency. The
     * queue is bounded and, when it is full, the thread that feeds it declares the next record itself,
     * so a file of any size never piles up in memory. The queue holds a few rounds of work so that the
     * workers still have records to take while the feeder is busy with one for a whole gateway round
     * trip. (A feeder that waited for a place instead could deadlock: Camel may feed the split from a
     * worker thread.)
     *
     * <p>The workers run at the lowest thread priority. Hundreds of them share the cores with the few
     * threads that serve them all — the ledger's committer, the file's reader, the status sinks — and an
     * operating system that treats every thread alike makes those wait their turn among the workers,
     * while the workers wait for them: the cores idle. Where the JVM hands priorities to the operating
     * system (on Linux only with {@code -XX:ThreadPriorityPolicy=1}, see docs/operations.md) those threads
     * go first; on Linux without the option the priority changes nothing.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService declareWorkers(CustomsProperties customs) {
        int concurrency = customs.intake().concurrency();
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(concurrency * 4), r -> {
                    Thread thread = new Thread(r, "declare-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Bean
    InputFormats inputFormats(ObjectMapper mapper) {
        return new InputFormats(mapper);
    }

    @Bean
    InboxFiles inboxFiles(InputFormats formats, CustomsProperties customs) {
        return new InboxFiles(formats, customs.outbox());
    }

    /** The SFTP intake's routes, from their templates, when customs.intake.sftp.host is set. */
    @Bean
    SftpIntake sftpIntake(SftpSettings settings) {
        return new SftpIntake(settings);
    }

    /** How the SFTP consumer's polls go, for health (the endpoint's pollStrategy). */
    @Bean
    @Conditional(SftpConfigured.class)
    SftpPolls sftpPolls(SftpSettings settings, Clock clock) {
        return new SftpPolls(settings.address(), clock);
    }

    /** The records of a message, for the JMS intake and the endpoint intakes of format records. */
    @Bean
    MessageRecords messageRecords(InputFormats formats) {
        return new MessageRecords(formats);
    }

    /** The endpoint intakes' routes, from their templates (customs.intake.endpoints.<name>.*). */
    @Bean
    EndpointIntakes endpointIntakes(EndpointIntakeSettings settings, CamelComponents components) {
        return new EndpointIntakes(settings, components);
    }

    @Bean
    EndpointFiles endpointFiles(EndpointIntakes intakes) {
        return new EndpointFiles(intakes);
    }

    @Bean
    RecordChecks recordChecks(CustomsProperties customs, Gateways gateways, LookupSettings lookup,
                              ObjectMapper mapper, Clock clock, ProducerTemplate producer) {
        return new RecordChecks(
                new MerchantEnricher(customs.merchant().customsCode(), customs.merchant().customsName()),
                lookup.enabled() ? new ErpLookup(lookup, mapper, clock, producer) : null,
                new RecordValidator(customs.gateway(), gateways.enabled()));
    }

    /** The erp-lookup route, from its template, when customs.enrich.http.url is set. */
    @Bean
    RouteTemplateParameterSource erpLookupRoute(LookupSettings lookup) {
        return lookup.enabled() ? ErpLookup.route(lookup) : new PropertiesRouteTemplateParametersSource();
    }

    /** How the ERP lookup is resent while the ERP does not answer (customs.enrich.http.*). */
    @Bean
    RedeliveryPolicy erpLookupRedelivery(LookupSettings lookup) {
        return lookup.redeliveryPolicy();
    }

    @Bean
    ResultRows resultRows() {
        return new ResultRows();
    }

    @Bean
    NodeHeartbeat nodeHeartbeat(JdbcTemplate jdbc, Clock clock, CustomsProperties customs) {
        H2LedgerRebuild.afterCrash(jdbc);
        return new NodeHeartbeat(jdbc, clock, customs.node().heartbeatInterval());
    }

    @Bean
    AdmissionSteps admissionSteps(Claims claims) {
        return new AdmissionSteps(claims);
    }

    @Bean
    Predicate admittedToSend() {
        return AdmissionSteps.toSend();
    }

    /**
     * The resends of a declaration without a trustworthy answer ({@code redeliveryPolicyRef} of the
     * declare-retries error handling): the worker waits for its resend, so that records in retry
     * count against customs.intake.concurrency.
     */
    @Bean
    RedeliveryPolicy declareRedelivery(CustomsProperties customs) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(customs.retry().maxAttempts() - 1);
        policy.setRedeliveryDelay(customs.retry().delay().toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setAsyncDelayedRedelivery(false);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        policy.setLogExhausted(false);
        policy.setLogContinued(false);
        return policy;
    }

    @Bean
    GatewayFailures gatewayFailures() {
        return new GatewayFailures();
    }

    @Bean
    Gateways gateways(CustomsProperties customs, Optional<GatewayDefaults> defaults) {
        return Gateways.of(customs, defaults);
    }

    @Bean
    AlipayPlusCredentials alipayPlusCredentials(CustomsProperties customs, Optional<GatewayDefaults> defaults,
                                                Gateways gateways) {
        if (!gateways.isEnabled("alipay-plus")) {
            return new AlipayPlusCredentials(null, null, null, null);
        }
        CustomsProperties.AlipayPlus alipayPlus = customs.alipayPlus();
        String clientId = orDefault(alipayPlus.clientId(), defaults.map(GatewayDefaults::alipayPlusClientId),
                "customs.alipay-plus.client-id");
        return new AlipayPlusCredentials(clientId, alipayPlus.keyVersion(),
                key("customs.alipay-plus.private-key", orDefault(alipayPlus.privateKey(),
                        defaults.map(GatewayDefaults::merchantPrivateKey), "customs.alipay-plus.private-key"),
                        PemKeys::privateKey),
                key("customs.alipay-plus.alipay-public-key", orDefault(alipayPlus.alipayPublicKey(),
                        defaults.map(GatewayDefaults::alipayPublicKey), "customs.alipay-plus.alipay-public-key"),
                        PemKeys::publicKey));
    }

    /** The configured endpoint, or the defaults' (asked at each call); none when the gateway is off. */
    @Bean
    Supplier<String> alipayPlusBaseUrl(CustomsProperties customs, Optional<GatewayDefaults> defaults) {
        String endpoint = customs.alipayPlus().endpoint();
        if (Gateways.isSet(endpoint)) {
            String base = endpoint.strip().replaceAll("/+$", "");
            return () -> base;
        }
        return defaults.<Supplier<String>>map(fallback -> fallback::alipayPlusBaseUrl).orElse(() -> null);
    }

    @Bean
    DeclareRequestMapper alipayPlusDeclareRequestMapper(ObjectMapper mapper) {
        return new DeclareRequestMapper(mapper);
    }

    @Bean
    DeclareAnswerMapper alipayPlusDeclareAnswerMapper(ObjectMapper mapper) {
        return new DeclareAnswerMapper(mapper);
    }

    @Bean
    AlipayPlusSigner alipayPlusSigner(AlipayPlusCredentials credentials, Supplier<String> alipayPlusBaseUrl,
                                      Clock clock, CustomsProperties customs) {
        return new AlipayPlusSigner(credentials, alipayPlusBaseUrl, clock, customs.alipayPlus().requestTimeFormat());
    }

    @Bean
    AlipayPlusVerifier alipayPlusVerifier(AlipayPlusCredentials credentials) {
        return new AlipayPlusVerifier(credentials);
    }

    private static String orDefault(String configured, Optional<String> fallback, String property) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return fallback.orElseThrow(() -> new IllegalStateException(property
                + ": required when customs.simulator.enabled=false"));
    }

    private static <K> K key(String property, String source, Function<String, K> loader) {
        try {
            return loader.apply(source);
        } catch (RuntimeException e) {
            throw new IllegalStateException(property + ": " + e.getMessage(), e);
        }
    }
}
