package org.customsbridge.mapi;

import java.util.Set;

import org.customsbridge.preflight.GatewaySettingsHints;
import org.customsbridge.signing.MapiSignType;

/**
 * The MAPI settings behind each kind of failed preflight call. With MD5 one shared key signs both
 * ways; with RSA or RSA2 the merchant's private key signs and Alipay's public key verifies.
 */
public final class MapiPreflight {

    private MapiPreflight() {
    }

    public static GatewaySettingsHints hints(MapiSignType signType) {
        boolean md5 = signType == MapiSignType.MD5;
        return new GatewaySettingsHints("mapi", "customs.mapi.endpoint",
                (md5 ? "customs.mapi.md5-key" : "customs.mapi.private-key") + " and customs.mapi.sign-type",
                md5 ? "customs.mapi.md5-key" : "customs.mapi.alipay-public-key", "customs.mapi.partner",
                Set.of("ILLEGAL_SIGN", "ILLEGAL_SIGN_TYPE"), Set.of("ILLEGAL_PARTNER", "HAS_NO_PRIVILEGE"));
    }
}
