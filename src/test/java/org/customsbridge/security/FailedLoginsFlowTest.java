package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A failed login is logged without its password; repeated failures from one address wait. */
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginsFlowTest {

    private static final String WRONG_PASSWORD = "wrong-PASSWORD-marker";

    @TempDir
    Path root;

    @Test
    void failuresAreLoggedWithoutThePasswordAndSlowedDownAfterTheLimit(CapturedOutput output) {
        try (Bundle bundle = Bundle.start(root, Map.of("customs.security.login-failures.max", "3",
                "customs.security.login-failures.window", "1m"))) {
            Http guessing = bundle.http().as(new Http.Login(TestLogins.VIEWER.user(), WRONG_PASSWORD));
            for (int i = 0; i < 3; i++) {
                assertThat(guessing.get("/api/declarations").status()).isEqualTo(401);
            }
            Http.Answer slowed = guessing.get("/api/declarations");
            assertThat(slowed.status()).isEqualTo(429);
            assertThat(slowed.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
            assertThat(bundle.http().as(TestLogins.VIEWER).get("/api/declarations").status())
                    .as("even the right password waits: it is the address that guessed").isEqualTo(429);
            assertThat(bundle.http().anonymous().get("/actuator/health/liveness").status())
                    .as("the probes carry no login and stay open").isEqualTo(200);

            assertThat(output.getAll()).contains("Failed login as '" + TestLogins.VIEWER.user() + "' from ")
                    .doesNotContain(WRONG_PASSWORD).doesNotContain(TestLogins.VIEWER.password());
        }
    }
}
