package org.customsbridge.config;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.customsbridge.mapi.MapiAnswerReader;
import org.customsbridge.mapi.MapiAnswerVerifier;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.mapi.MapiDeclareAnswerMapper;
import org.customsbridge.mapi.MapiDeclareRequestMapper;
import org.customsbridge.mapi.MapiQueryRequestMapper;
import org.customsbridge.mapi.MapiRequestSigner;
import org.customsbridge.signing.DemoKeys;
import org.customsbridge.signing.KeySources;
import org.customsbridge.signing.MapiSignType;
import org.customsbridge.signing.MapiSigner;
import org.customsbridge.signing.PemKeys;
import org.customsbridge.simulator.SimulatorAddress;
import org.customsbridge.simulator.SimulatorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legacy gateway's building blocks, built from {@code customs.mapi.*}; with the simulator on,
 * empty settings take the sandbox's partner, MD5 key and demo keys.
 */
@Configuration(proxyBeanMethods = false)
public class MapiConfiguration {

    private static final Pattern PARTNER = Pattern.compile("2088\\d{12}");

    /** The partner id the requests carry. */
    @Bean
    Supplier<String> mapiPartner(CustomsProperties customs, SimulatorSettings simulator, Gateways gateways) {
        if (!gateways.isEnabled("mapi")) {
            return () -> null;
        }
        String partner = Gateways.isSet(customs.mapi().partner()) ? customs.mapi().partner().strip()
                : simulator.enabled() ? simulator.partner() : null;
        if (partner == null || !PARTNER.matcher(partner).matches()) {
            throw new IllegalStateException("customs.mapi.partner: 16 digits starting with 2088"
                    + (partner == null ? ", required" : ", was " + partner));
        }
        return () -> partner;
    }

    @Bean
    MapiSigner mapiSigner(CustomsProperties customs, SimulatorSettings simulator, Gateways gateways) {
        CustomsProperties.Mapi mapi = customs.mapi();
        MapiSignType type = MapiSignType.parse(mapi.signType() == null ? "" : mapi.signType().strip())
                .orElseThrow(() -> new IllegalStateException("customs.mapi.sign-type: MD5, RSA or RSA2, was "
                        + mapi.signType()));
        if (!gateways.isEnabled("mapi")) {
            return MapiSigner.md5("gateway-not-configured");
        }
        if (type == MapiSignType.MD5) {
            String key = Gateways.isSet(mapi.md5Key()) ? mapi.md5Key() : simulator.enabled() ? simulator.md5Key() : null;
            if (key == null) {
                throw new IllegalStateException("customs.mapi.md5-key: required for sign type MD5");
            }
            return MapiSigner.md5(KeySources.text(key));
        }
        DemoKeys demo = simulator.enabled() ? DemoKeys.in(customs.demoKeysDirectory()) : null;
        return MapiSigner.rsa(type,
                key("customs.mapi.private-key", mapi.privateKey(),
                        demo == null ? null : demo.privateKey(DemoKeys.MERCHANT), PemKeys::privateKey),
                key("customs.mapi.alipay-public-key", mapi.alipayPublicKey(),
                        demo == null ? null : demo.publicKey(DemoKeys.ALIPAY), PemKeys::publicKey));
    }

    @Bean
    Supplier<String> mapiGatewayUrl(CustomsProperties customs, SimulatorAddress simulatorAddress) {
        String endpoint = customs.mapi().endpoint();
        if (Gateways.isSet(endpoint)) {
            String url = endpoint.strip();
            return () -> url;
        }
        return () -> simulatorAddress.baseUrl() + MapiApi.GATEWAY_PATH;
    }

    @Bean
    MapiDeclareRequestMapper mapiDeclareRequestMapper() {
        return new MapiDeclareRequestMapper();
    }

    @Bean
    MapiQueryRequestMapper mapiQueryRequestMapper() {
        return new MapiQueryRequestMapper();
    }

    @Bean
    MapiRequestSigner mapiRequestSigner(MapiSigner mapiSigner, Supplier<String> mapiGatewayUrl) {
        return new MapiRequestSigner(mapiSigner, mapiGatewayUrl);
    }

    @Bean
    MapiAnswerReader mapiAnswerReader(MapiSigner mapiSigner, CustomsProperties customs,
                                      Supplier<String> mapiGatewayUrl) {
        return new MapiAnswerReader(new MapiAnswerVerifier(mapiSigner, customs.mapi().answerSignature(),
                mapiGatewayUrl));
    }

    @Bean
    MapiDeclareAnswerMapper mapiDeclareAnswerMapper(CustomsProperties customs) {
        return new MapiDeclareAnswerMapper(MapiDeclareAnswerMapper.TRANSIENT_ERRORS,
                customs.mapi().changedResendCodes());
    }

    private static <K> K key(String property, String configured, String demo, Function<String, K> loader) {
        String source = Gateways.isSet(configured) ? configured : demo;
        if (source == null) {
            throw new IllegalStateException(property + ": required for sign type RSA or RSA2");
        }
        try {
            return loader.apply(source);
        } catch (RuntimeException e) {
            throw new IllegalStateException(property + ": " + e.getMessage(), e);
        }
    }
}
