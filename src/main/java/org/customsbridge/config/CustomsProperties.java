package org.customsbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code customs.*} properties of the contract (CONTRACT §5). Defaults here are the embedded
 * ones: the built-in simulator, demo keys, local folders.
 */
@ConfigurationProperties("customs")
public record CustomsProperties(
        @DefaultValue("alipay-plus") String gateway,
        @DefaultValue AlipayPlus alipayPlus,
        @DefaultValue Merchant merchant,
        @DefaultValue("data/inbox") Path inbox,
        @DefaultValue("data/outbox") Path outbox,
        @DefaultValue Http http,
        @DefaultValue("data/keys") Path demoKeysDirectory) {

    public record AlipayPlus(
            String endpoint,
            String clientId,
            @DefaultValue("1") String keyVersion,
            String privateKey,
            String alipayPublicKey) {
    }

    public record Merchant(String customsCode, String customsName) {
    }

    public record Http(
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("100") int maxConnections) {
    }

    /** The gateways a record may name in its {@code gateway} field. */
    public static final List<String> GATEWAYS = List.of("alipay-plus", "mapi");
}
