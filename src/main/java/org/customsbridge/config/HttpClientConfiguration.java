package org.customsbridge.config;

import org.apache.camel.Ordered;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client that calls the gateways: its timeouts and connection pool come from
 * {@code customs.http.*}. The client's fixed behaviour (no retries, redirects, cookies) is set with
 * {@code camel.component.http.*} in {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
public class HttpClientConfiguration {

    /**
     * One timeout for connecting and for each read. (Waiting for a free pooled connection is not bounded
     * by it: a call that waited for the pool has not been sent, and waits for its turn rather than failing.)
     * Applied after the starter's own customizer, which sets camel-http's defaults.
     */
    @Bean
    ComponentCustomizer gatewayHttpClient(CustomsProperties customs) {
        return ComponentCustomizer.builder(HttpComponent.class).withOrder(Ordered.LOWEST).build(http -> {
            long timeout = customs.http().timeout().toMillis();
            http.setConnectTimeout(timeout);
            http.setResponseTimeout(timeout);
            http.setSoTimeout(timeout);
            http.setMaxTotalConnections(customs.http().maxConnections());
            http.setConnectionsPerRoute(customs.http().maxConnections());
        });
    }
}
