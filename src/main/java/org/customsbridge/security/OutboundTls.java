package org.customsbridge.security;

import org.apache.camel.Ordered;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trust store and client certificate of {@code customs.http.tls.*} on Camel's HTTP client, which
 * every outbound call uses: the gateways, the ERP lookup and the erp-http status sink. Without them
 * the client keeps Java's defaults (its trusted CAs, no client certificate).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${customs.http.tls.trust-store:}' != '' or '${customs.http.tls.key-store:}' != ''")
public class OutboundTls {

    @Bean
    ComponentCustomizer outboundTlsStores(TlsClientSettings settings) {
        SSLContextParameters tls = sslContextParameters(settings);
        return ComponentCustomizer.builder(HttpComponent.class).withOrder(Ordered.LOWEST)
                .build(http -> http.setSslContextParameters(tls));
    }

    static SSLContextParameters sslContextParameters(TlsClientSettings settings) {
        SSLContextParameters tls = new SSLContextParameters();
        if (settings.trustStore() != null) {
            KeyStoreParameters trusted = new KeyStoreParameters();
            trusted.setKeyStore(settings.trusted());
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(trusted);
            tls.setTrustManagers(trustManagers);
        }
        if (settings.keyStore() != null) {
            KeyStoreParameters clientKey = new KeyStoreParameters();
            clientKey.setKeyStore(settings.clientKey());
            KeyManagersParameters keyManagers = new KeyManagersParameters();
            keyManagers.setKeyStore(clientKey);
            keyManagers.setKeyPassword(settings.clientKeyPassword());
            tls.setKeyManagers(keyManagers);
        }
        return tls;
    }
}
