package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * customs.http.timeout and customs.http.max-connections reach the HTTP client that calls the
 * gateways (a component customizer once lost them to the starter's defaults: 20 connections per
 * gateway and 3-minute timeouts).
 */
class GatewayHttpSettingsTest {

    @TempDir
    Path root;

    @Test
    void timeoutAndPoolSizeReachTheHttpClient() {
        try (Bundle bundle = Bundle.start(root, Map.of("customs.http.timeout", "7s",
                "customs.http.max-connections", "150"))) {
            HttpComponent http = bundle.bean(CamelContext.class).getComponent("http", HttpComponent.class);
            assertThat(http.getConnectTimeout()).isEqualTo(7000);
            assertThat(http.getResponseTimeout()).isEqualTo(7000);
            assertThat(http.getSoTimeout()).isEqualTo(7000);
            assertThat(http.getConnectionsPerRoute()).isEqualTo(150);
            assertThat(http.getMaxTotalConnections()).isEqualTo(150);
            assertThat(http.isCookieManagementDisabled()).isTrue();
            // the routes resend a call themselves, and count it: the client must not send it again
            assertThat(http.isAutomaticRetriesDisabled()).isTrue();
            assertThat(http.isRedirectHandlingDisabled()).isTrue();
        }
    }
}
