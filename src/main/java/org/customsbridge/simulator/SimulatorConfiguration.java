package org.customsbridge.simulator;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.config.CustomsProperties;
import org.customsbridge.signing.DemoKeys;
import org.customsbridge.signing.PemKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
