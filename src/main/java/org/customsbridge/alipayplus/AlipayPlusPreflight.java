package org.customsbridge.alipayplus;

import java.util.Set;

import org.customsbridge.preflight.GatewaySettingsHints;

/** The Alipay+ settings behind each kind of failed preflight call. */
public final class AlipayPlusPreflight {

    private AlipayPlusPreflight() {
    }

    public static GatewaySettingsHints hints() {
        return new GatewaySettingsHints("alipay-plus", "customs.alipay-plus.endpoint",
                "customs.alipay-plus.private-key and customs.alipay-plus.key-version",
                "customs.alipay-plus.alipay-public-key", "customs.alipay-plus.client-id",
                Set.of("INVALID_SIGNATURE", "KEY_NOT_FOUND"), Set.of("INVALID_CLIENT", "ACCESS_DENIED"));
    }
}
