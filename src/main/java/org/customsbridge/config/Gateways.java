package org.customsbridge.config;

import java.util.LinkedHashSet;
import java.util.Set;

import org.customsbridge.simulator.SimulatorSettings;

/**
 * Which gateways this bundle can use. With the simulator on, both (demo settings fill the gaps).
 * With it off, a gateway is on when its endpoint is set; the default gateway must be on.
 */
public record Gateways(Set<String> enabled) {

    public static Gateways of(CustomsProperties customs, SimulatorSettings simulator) {
        Set<String> enabled = new LinkedHashSet<>();
        if (simulator.enabled() || isSet(customs.alipayPlus().endpoint())) {
            enabled.add("alipay-plus");
        }
        if (simulator.enabled() || isSet(customs.mapi().endpoint())) {
            enabled.add("mapi");
        }
        if (!CustomsProperties.GATEWAYS.contains(customs.gateway())) {
            throw new IllegalStateException("customs.gateway: alipay-plus or mapi, was " + customs.gateway());
        }
        if (!enabled.contains(customs.gateway())) {
            throw new IllegalStateException("customs." + customs.gateway() + ".endpoint: required for the default "
                    + "gateway (customs.gateway=" + customs.gateway() + ") when customs.simulator.enabled=false");
        }
        return new Gateways(Set.copyOf(enabled));
    }

    public boolean isEnabled(String gateway) {
        return enabled.contains(gateway);
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
