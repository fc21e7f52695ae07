package org.customsbridge.simulator;

import org.customsbridge.config.GatewayDefaults;
import org.customsbridge.mapi.MapiApi;

/**
 * Gateway settings left empty point at the simulator: its address on this application's own port,
 * the ids and MD5 key it accepts, and the demo keys it signs and verifies with.
 */
public class SimulatorGatewayDefaults implements GatewayDefaults {

    private final SimulatorAddress address;
    private final SimulatorSettings settings;
    private final DemoKeys keys;

    public SimulatorGatewayDefaults(SimulatorAddress address, SimulatorSettings settings, DemoKeys keys) {
        this.address = address;
        this.settings = settings;
        this.keys = keys;
    }

    @Override
    public String alipayPlusBaseUrl() {
        return address.baseUrl();
    }

    @Override
    public String mapiGatewayUrl() {
        return address.baseUrl() + MapiApi.GATEWAY_PATH;
    }

    @Override
    public String alipayPlusClientId() {
        return settings.clientId();
    }

    @Override
    public String mapiPartner() {
        return settings.partner();
    }

    @Override
    public String mapiMd5Key() {
        return settings.md5Key();
    }

    @Override
    public String merchantPrivateKey() {
        return keys.privateKey(DemoKeys.MERCHANT);
    }

    @Override
    public String alipayPublicKey() {
        return keys.publicKey(DemoKeys.ALIPAY);
    }

    @Override
    public String wechatBaseUrl() {
        return address.baseUrl();
    }

    @Override
    public String wechatAppId() {
        return settings.wechatAppId();
    }

    @Override
    public String wechatMchId() {
        return settings.wechatMchId();
    }

    @Override
    public String wechatApiKey() {
        return settings.wechatApiKey();
    }

    @Override
    public String ledgerEncryptionKey() {
        return keys.ledgerKey();
    }
}
