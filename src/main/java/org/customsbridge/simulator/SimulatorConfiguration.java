package org.customsbridge.simulator;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationPredicate;
import org.customsbridge.config.CustomsProperties;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.DemoKeys;
import org.customsbridge.signing.PemKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** Wires the sandbox when {@code customs.simulator.enabled=true} (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorConfiguration {

    @Bean
    SimulatorJournal simulatorJournal(Clock clock) {
        return new SimulatorJournal(clock);
    }

    @Bean
    SimulatorRules simulatorRules(SimulatorSettings settings) {
        return new SimulatorRules(settings.rules(), settings.faults());
    }

    @Bean
    SimulatedDeclarations simulatedDeclarations(Clock clock, SimulatorSettings settings, SimulatorRules rules) {
        return new SimulatedDeclarations(clock, settings.customsDelay(), rules);
    }

    /**
     * The sandbox trusts the merchant key the bundle signs with: the configured public key's twin is
     * unknown to it, so it verifies with the demo merchant key unless told otherwise.
     */
    @Bean
    AlipayPlusSandbox alipayPlusSandbox(ObjectMapper mapper, SimulatorSettings settings, CustomsProperties customs,
                                        SimulatedDeclarations declarations, SimulatorJournal journal) {
        DemoKeys keys = DemoKeys.in(customs.demoKeysDirectory());
        return new AlipayPlusSandbox(mapper, settings.clientId(),
                PemKeys.publicKey(keys.publicKey(DemoKeys.MERCHANT)),
                PemKeys.privateKey(keys.privateKey(DemoKeys.ALIPAY)),
                declarations, journal, settings.unknownPaymentPrefix());
    }

    /** As {@link #alipayPlusSandbox}: the demo merchant key verifies RSA requests, the demo Alipay key signs. */
    @Bean
    MapiSandbox mapiSandbox(SimulatorSettings settings, CustomsProperties customs, SimulatedDeclarations declarations,
                            SimulatorJournal journal) {
        DemoKeys keys = DemoKeys.in(customs.demoKeysDirectory());
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

    /**
     * The sandbox stands in for Alipay: its requests are not the bundle's own HTTP traffic, so they
     * stay out of http.server.requests, and a benchmark does not count their observation against the bundle.
     */
    @Bean
    ObservationPredicate sandboxRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && isSandboxPath(request.getCarrier().getRequestURI()));
    }

    private static boolean isSandboxPath(String path) {
        return AlipayPlusSimulatorServlet.PATHS.contains(path) || path.equals(MapiApi.GATEWAY_PATH);
    }
}
