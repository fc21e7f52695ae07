package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

/** The actuator on a port of its own keeps the same rules: the probes open, the rest with a login. */
class ManagementPortFlowTest {

    @TempDir
    Path root;

    @Test
    void theManagementPortNeedsTheSameLogins() {
        try (Bundle bundle = Bundle.start(root, Map.of("management.server.port", "0"))) {
            int port = Integer.parseInt(bundle.bean(Environment.class).getProperty("local.management.port"));
            assertThat(port).isNotEqualTo(bundle.port());
            Http management = Http.of("http://localhost:" + port, TestLogins.VIEWER, java.net.http.HttpClient.newBuilder());
            Http anonymous = management.anonymous();
            assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(401);
            // open without a login; right after the start a readiness part may still be coming UP (503)
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200));
            assertThat(anonymous.get("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(management.get("/actuator/health").status()).isEqualTo(200));
            assertThat(bundle.http().anonymous().get("/api/declarations").status()).isEqualTo(401);
        }
    }
}
