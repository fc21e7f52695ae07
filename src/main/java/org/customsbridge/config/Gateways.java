package org.customsbridge.config;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which gateways this bundle can use. With {@link GatewayDefaults} (the simulator on), all three: the
 * defaults fill the gaps. Without, a gateway is on when its endpoint is set; the default gateway must be on.
 */
public record Gateways(Set<String> enabled) {

    public static Gateways of(CustomsProperties customs, Optional<GatewayDefaults> defaults) {
        Set<String> enabled = new LinkedHashSet<>();
        if (defaults.isPresent() || isSet(customs.alipayPlus().endpoint())) {
            enabled.add("alipay-plus");
        }
        if (defaults.isPresent() || isSet(customs.mapi().endpoint())) {
            enabled.add("mapi");
        }
        if (defaults.isPresent() || isSet(customs.wechat().url())) {
            enabled.add("wechat");
        }
        if (!CustomsProperties.GATEWAYS.contains(customs.gateway())) {
            throw new IllegalStateException("customs.gateway: alipay-plus, mapi or wechat, was " + customs.gateway());
        }
        if (!enabled.contains(customs.gateway())) {
            throw new IllegalStateException(CustomsProperties.endpointProperty(customs.gateway())
                    + ": required for the default "
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
