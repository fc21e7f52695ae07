package org.customsbridge.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.customsbridge.mapi.MapiAnswerReader;
import org.customsbridge.mapi.MapiAnswerVerifier;
import org.customsbridge.mapi.MapiDeclareAnswerMapper;
import org.customsbridge.mapi.MapiDeclareRequestMapper;
import org.customsbridge.mapi.MapiQueryRequestMapper;
import org.customsbridge.mapi.MapiRequestSigner;
import org.customsbridge.signing.KeySources;
import org.customsbridge.signing.MapiSignType;
import org.customsbridge.signing.MapiSigner;
import org.customsbridge.signing.PemKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The legacy gateway's building blocks, built from {@code customs.mapi.*}; empty settings take the
 * {@link GatewayDefaults} when there are some (the simulator's partner, MD5 key and demo keys).
 */
@Configuration(proxyBeanMethods = false)
public class MapiConfiguration {

    private static final Pattern PARTNER = Pattern.compile("2088\\d{12}");

    /** The partner id the requests carry. */
    @Bean
    Supplier<String> mapiPartner(CustomsProperties customs, Optional<GatewayDefaults> defaults, Gateways gateways) {
        if (!gateways.isEnabled("mapi")) {
            return () -> null;
        }
        String partner = Gateways.isSet(customs.mapi().partner()) ? customs.mapi().partner().strip()
                : defaults.map(GatewayDefaults::mapiPartner).orElse(null);
        if (partner == null || !PARTNER.matcher(partner).matches()) {
            throw new IllegalStateException("customs.mapi.partner: 16 digits starting with 2088"
                    + (partner == null ? ", required" : ", was " + partner));
        }
        return () -> partner;
    }

    @Bean
    MapiSigner mapiSigner(CustomsProperties customs, Optional<GatewayDefaults> defaults, Gateways gateways) {
        CustomsProperties.Mapi mapi = customs.mapi();
        MapiSignType type = MapiSignType.parse(mapi.signType() == null ? "" : mapi.signType().strip())
                .orElseThrow(() -> new IllegalStateException("customs.mapi.sign-type: MD5, RSA or RSA2, was "
                        + mapi.signType()));
        if (!gateways.isEnabled("mapi")) {
            return MapiSigner.md5("gateway-not-configured");
        }
        if (type == MapiSignType.MD5) {
            String key = Gateways.isSet(mapi.md5Key()) ? mapi.md5Key()
                    : defaults.map(GatewayDefaults::mapiMd5Key).orElse(null);
            if (key == null) {
                throw new IllegalStateException("customs.mapi.md5-key: required for sign type MD5");
            }
            return MapiSigner.md5(KeySources.text(key));
        }
        return MapiSigner.rsa(type,
                key("customs.mapi.private-key", mapi.privateKey(),
                        defaults.map(GatewayDefaults::merchantPrivateKey).orElse(null), PemKeys::privateKey),
                key("customs.mapi.alipay-public-key", mapi.alipayPublicKey(),
                        defaults.map(GatewayDefaults::alipayPublicKey).orElse(null), PemKeys::publicKey));
    }

    @Bean
    Supplier<String> mapiGatewayUrl(CustomsProperties customs, Optional<GatewayDefaults> defaults) {
        String endpoint = customs.mapi().endpoint();
        if (Gateways.isSet(endpoint)) {
            String url = endpoint.strip();
            return () -> url;
        }
        return defaults.<Supplier<String>>map(fallback -> fallback::mapiGatewayUrl).orElse(() -> null);
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
