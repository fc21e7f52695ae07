package org.customsbridge.simulator;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationPredicate;
import org.customsbridge.config.GatewayDefaults;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.PemKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The built-in gateway sandbox (Alipay+, MAPI, WeChat Pay), served on this application's HTTP port when
 * {@code customs.simulator.enabled=true} (the default). It plugs itself in: the bundle's own
 * configuration knows only {@link GatewayDefaults}, which this supplies, so that gateway endpoints,
 * ids and keys left empty point at the sandbox and its demo keys. Registered in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({SimulatorSettings.class, DemoKeysSettings.class})
public class SimulatorAutoConfiguration {

    /** The paths the sandbox answers as Alipay+, as MAPI and as WeChat Pay. */
    private static final List<String> SANDBOX_PATHS = Stream.of(AlipayPlusSimulatorServlet.PATHS.stream(),
            Stream.of(MapiApi.GATEWAY_PATH), WechatSimulatorServlet.PATHS.stream()).flatMap(paths -> paths).toList();

    /** Where the sandbox listens, known once the web server has started. */
    @Bean
    SimulatorAddress simulatorAddress() {
        return new SimulatorAddress();
    }

    /** Demo key pairs for both sides, generated on first start. */
    @Bean
    DemoKeys demoKeys(DemoKeysSettings settings) {
        return DemoKeys.in(settings.demoKeysDirectory());
    }

    @Bean
    GatewayDefaults simulatorGatewayDefaults(SimulatorAddress address, SimulatorSettings settings, DemoKeys keys) {
        return new SimulatorGatewayDefaults(address, settings, keys);
    }

    @Bean
    SimulatorJournal simulatorJournal(Clock clock, SimulatorSettings settings) {
        return new SimulatorJournal(clock, settings.remember());
    }

    @Bean
    SimulatorRules simulatorRules(SimulatorSettings settings) {
        return new SimulatorRules(settings.rules(), settings.faults(), settings.remember());
    }

    @Bean
    SimulatedDeclarations simulatedDeclarations(Clock clock, SimulatorSettings settings, SimulatorRules rules) {
        return new SimulatedDeclarations(clock, settings.customsDelay(), rules, settings.remember());
    }

    /**
     * The sandbox trusts the merchant key the bundle signs with: the configured public key's twin is
     * unknown to it, so it verifies with the demo merchant key unless told otherwise.
     */
    @Bean
    AlipayPlusSandbox alipayPlusSandbox(ObjectMapper mapper, SimulatorSettings settings, DemoKeys keys,
                                        SimulatedDeclarations declarations, SimulatorJournal journal) {
        return new AlipayPlusSandbox(mapper, settings.clientId(),
                PemKeys.publicKey(keys.publicKey(DemoKeys.MERCHANT)),
                PemKeys.privateKey(keys.privateKey(DemoKeys.ALIPAY)),
                declarations, journal, settings.unknownPaymentPrefix());
    }

    /** As {@link #alipayPlusSandbox}: the demo merchant key verifies RSA requests, the demo Alipay key signs. */
    @Bean
    MapiSandbox mapiSandbox(SimulatorSettings settings, DemoKeys keys, SimulatedDeclarations declarations,
                            SimulatorJournal journal) {
        return new MapiSandbox(settings.partner(), settings.md5Key(),
                PemKeys.publicKey(keys.publicKey(DemoKeys.MERCHANT)),
                PemKeys.privateKey(keys.privateKey(DemoKeys.ALIPAY)),
                declarations, journal, settings.unknownPaymentPrefix());
    }

    @Bean
    ServletRegistrationBean<AlipayPlusSimulatorServlet> alipayPlusSimulator(AlipayPlusSandbox sandbox,
            SimulatorSettings settings, SimulatorRules rules, SimulatorJournal journal, ObjectMapper mapper) {
        ServletRegistrationBean<AlipayPlusSimulatorServlet> registration = new ServletRegistrationBean<>(
                new AlipayPlusSimulatorServlet(sandbox, settings, rules, journal, mapper));
        registration.setUrlMappings(AlipayPlusSimulatorServlet.PATHS);
        registration.setName("alipayPlusSimulator");
        return registration;
    }

    @Bean
    ServletRegistrationBean<MapiSimulatorServlet> mapiSimulator(MapiSandbox sandbox, SimulatorSettings settings,
                                                                SimulatorRules rules, SimulatorJournal journal) {
        ServletRegistrationBean<MapiSimulatorServlet> registration = new ServletRegistrationBean<>(
                new MapiSimulatorServlet(sandbox, settings, rules, journal), MapiApi.GATEWAY_PATH);
        registration.setName("mapiSimulator");
        return registration;
    }

    /** WeChat Pay: the app id, merchant id and API key of the simulator's settings. */
    @Bean
    WechatSandbox wechatSandbox(SimulatorSettings settings, SimulatedDeclarations declarations,
                                SimulatorJournal journal) {
        return new WechatSandbox(settings.wechatAppId(), settings.wechatMchId(), settings.wechatApiKey(), declarations,
                journal, settings.unknownPaymentPrefix());
    }

    @Bean
    ServletRegistrationBean<WechatSimulatorServlet> wechatSimulator(WechatSandbox sandbox, SimulatorSettings settings,
                                                                    SimulatorRules rules, SimulatorJournal journal) {
        ServletRegistrationBean<WechatSimulatorServlet> registration = new ServletRegistrationBean<>(
                new WechatSimulatorServlet(sandbox, settings, rules, journal));
        registration.setUrlMappings(WechatSimulatorServlet.PATHS);
        registration.setName("wechatSimulator");
        return registration;
    }

    /** {@code GET /simulator/journal}: the calls the sandbox answered. */
    @Bean
    SimulatorJournalController simulatorJournalController(SimulatorJournal journal) {
        return new SimulatorJournalController(journal);
    }

    /**
     * The sandbox stands in for Alipay: its requests are not the bundle's own HTTP traffic, so they
     * stay out of http.server.requests, and a benchmark does not count their observation against the bundle.
     */
    @Bean
    ObservationPredicate sandboxRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && isSandboxPath(request.getCarrier().getRequestURI()));
    }

    /**
     * The sandbox's gateway paths answer without a login, as Alipay's do: the bundle calls them with its
     * signed requests, which the sandbox verifies (and posts without a CSRF token, as Alipay takes them).
     * Its journal ({@code /simulator/journal}) is not among them and needs a login like every other
     * endpoint. Nothing is kept per call, so the sandbox costs a benchmark no more than without logins.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain sandboxGatewaysOpen(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(SANDBOX_PATHS.stream()
                        .<RequestMatcher>map(path::matcher).toList()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.disable())
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    private static boolean isSandboxPath(String path) {
        return SANDBOX_PATHS.contains(path);
    }
}
