package org.customsbridge.config;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.customsbridge.admission.OrderKeys;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.signing.KeySources;
import org.customsbridge.signing.WechatSigner;
import org.customsbridge.wechat.CustomsAnswerLists;
import org.customsbridge.wechat.WechatAccount;
import org.customsbridge.wechat.WechatAnswerReader;
import org.customsbridge.wechat.WechatAnswerVerifier;
import org.customsbridge.wechat.WechatDeclareAnswerMapper;
import org.customsbridge.wechat.WechatDeclareRequestMapper;
import org.customsbridge.wechat.WechatInquiries;
import org.customsbridge.wechat.WechatOrderKeys;
import org.customsbridge.wechat.WechatQueryAnswerMapper;
import org.customsbridge.wechat.WechatQueryRequestMapper;
import org.customsbridge.wechat.WechatRedeclareAnswerMapper;
import org.customsbridge.wechat.WechatRedeclareRequestMapper;
import org.customsbridge.wechat.WechatRequestSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WeChat Pay's building blocks, built from {@code customs.wechat.*}; empty settings take the
 * {@link GatewayDefaults} when there are some (the simulator's app id, merchant id and API key).
 */
@Configuration(proxyBeanMethods = false)
public class WechatConfiguration {

    private static final Pattern MCH_ID = Pattern.compile("\\d{8,32}");
    private static final Pattern APP_ID = Pattern.compile("[0-9A-Za-z_]{1,32}");

    @Bean
    Supplier<WechatAccount> wechatAccount(CustomsProperties customs, Optional<GatewayDefaults> defaults,
                                          Gateways gateways) {
        if (!gateways.isEnabled("wechat")) {
            return () -> new WechatAccount(null, null);
        }
        CustomsProperties.Wechat wechat = customs.wechat();
        String appId = Gateways.isSet(wechat.appId()) ? wechat.appId().strip()
                : defaults.map(GatewayDefaults::wechatAppId).orElse(null);
        String mchId = Gateways.isSet(wechat.mchId()) ? wechat.mchId().strip()
                : defaults.map(GatewayDefaults::wechatMchId).orElse(null);
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw new IllegalStateException("customs.wechat.app-id: the app id bound to the merchant (up to 32"
                    + " letters and digits)" + (appId == null ? ", required" : ", was " + appId));
        }
        if (mchId == null || !MCH_ID.matcher(mchId).matches()) {
            throw new IllegalStateException("customs.wechat.mch-id: the merchant id (digits)"
                    + (mchId == null ? ", required" : ", was " + mchId));
        }
        WechatAccount account = new WechatAccount(appId, mchId);
        return () -> account;
    }

    @Bean
    WechatSigner wechatSigner(CustomsProperties customs, Optional<GatewayDefaults> defaults, Gateways gateways) {
        if (!gateways.isEnabled("wechat")) {
            return new WechatSigner("gateway-not-configured");
        }
        String source = Gateways.isSet(customs.wechat().apiKey()) ? customs.wechat().apiKey()
                : defaults.map(GatewayDefaults::wechatApiKey).orElse(null);
        if (source == null) {
            throw new IllegalStateException("customs.wechat.api-key: required (the merchant's v2 API key, or file:"
                    + " and a path)");
        }
        String key;
        try {
            key = KeySources.text(source);
        } catch (RuntimeException e) {
            throw new IllegalStateException("customs.wechat.api-key: " + e.getMessage(), e);
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("customs.wechat.api-key: empty");
        }
        return new WechatSigner(key);
    }

    @Bean
    Supplier<String> wechatBaseUrl(CustomsProperties customs, Optional<GatewayDefaults> defaults) {
        String url = customs.wechat().url();
        if (Gateways.isSet(url)) {
            String base = url.strip();
            return () -> base;
        }
        return defaults.<Supplier<String>>map(fallback -> fallback::wechatBaseUrl).orElse(() -> null);
    }

    @Bean
    WechatDeclareRequestMapper wechatDeclareRequestMapper(Supplier<WechatAccount> wechatAccount,
                                                          DeclarationRows rows) {
        // the WeChat id an accepted call left in the ledger outlives later calls of the same id
        return new WechatDeclareRequestMapper(wechatAccount,
                id -> rows.find(id).map(StoredDeclaration::alipayDeclarationId).isPresent());
    }

    @Bean
    WechatQueryRequestMapper wechatQueryRequestMapper(Supplier<WechatAccount> wechatAccount) {
        return new WechatQueryRequestMapper(wechatAccount);
    }

    @Bean
    WechatRedeclareRequestMapper wechatRedeclareRequestMapper(Supplier<WechatAccount> wechatAccount) {
        return new WechatRedeclareRequestMapper(wechatAccount);
    }

    @Bean
    WechatRedeclareAnswerMapper wechatRedeclareAnswerMapper() {
        return new WechatRedeclareAnswerMapper();
    }

    @Bean
    WechatInquiries wechatInquiries(DeclarationRows rows) {
        return new WechatInquiries(rows::declaration);
    }

    @Bean
    WechatRequestSigner wechatRequestSigner(WechatSigner wechatSigner, Supplier<String> wechatBaseUrl,
                                            CustomsProperties customs) {
        return new WechatRequestSigner(wechatSigner, wechatBaseUrl, customs.wechat().sendSignType());
    }

    @Bean
    WechatAnswerReader wechatAnswerReader(WechatSigner wechatSigner) {
        return new WechatAnswerReader(new WechatAnswerVerifier(wechatSigner));
    }

    @Bean
    WechatDeclareAnswerMapper wechatDeclareAnswerMapper(CustomsProperties customs) {
        return new WechatDeclareAnswerMapper(customs.wechat().transientErrors());
    }

    @Bean
    WechatQueryAnswerMapper wechatQueryAnswerMapper(CustomsProperties customs) {
        return new WechatQueryAnswerMapper(customs.wechat().notFoundErrors());
    }

    @Bean
    CustomsAnswerLists customsAnswerLists() {
        return new CustomsAnswerLists();
    }

    /** WeChat Pay keys a declaration by order, sub-order and customs: the ledger lets one id hold each. */
    @Bean
    OrderKeys wechatOrderKeys() {
        return new WechatOrderKeys();
    }
}
