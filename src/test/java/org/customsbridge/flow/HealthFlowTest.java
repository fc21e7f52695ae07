package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /actuator/health} and the readiness probe as a monitoring system sees them. Tests run as
 * root, for whom permission bits do not stop writes, so a folder is broken by putting a regular
 * file where the folder (or its parent) should be.
 */
class HealthFlowTest {

    @TempDir
    Path root;

    @Test
    void upWithDetailsThenDownAndNotReadyWhenTheInboxIsGone() throws IOException {
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of())) {
            Http http = bundle.http();
            // Camel's own consumer check turns UP after the inbox's first poll
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/actuator/health").status() == 200);
            Http.Answer health = http.get("/actuator/health");
            JsonNode components = health.json().get("components");
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
            assertThat(components.get("db").get("details").get("database").asText())
                    .isEqualTo(TestDatabase.productName());
            assertThat(components.get("jms").get("status").asText()).isEqualTo("UP");
            assertFolderUp(components.get("inbox"), root.resolve("inbox"));
            assertFolderUp(components.get("outbox"), root.resolve("outbox"));
            JsonNode gateways = components.get("gateways").get("components");
            assertThat(gateways.get("alipay-plus").get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(gateways.get("alipay-plus").get("details").get("lastCall").asText()).isEqualTo("none yet");
            assertThat(gateways.has("mapi")).isTrue();
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

            inbox.drop("orders.csv", Inbox.csv("HEALTH-0001,2026112422001300000000000001,1.00"));
            assertThat(inbox.awaitResults("orders.csv")).hasSize(1);
            JsonNode alipayPlus = http.get("/actuator/health/gateways/alipay-plus").json();
            assertThat(alipayPlus.get("status").asText()).isEqualTo("UP");
            assertThat(alipayPlus.get("details").get("lastCallAt").asText()).isNotBlank();
            assertThat(alipayPlus.get("details").get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(alipayPlus.get("details").get("code").asText()).isEqualTo("SUCCESS");
            assertThat(alipayPlus.get("details").get("callsInFlight").asInt()).isZero();

            // the inbox disappears and a regular file takes its place
            deleteTree(root.resolve("inbox"));
            Files.writeString(root.resolve("inbox"), "not a folder");
            Http.Answer down = http.get("/actuator/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            JsonNode inboxHealth = down.json().get("components").get("inbox");
            assertThat(inboxHealth.get("status").asText()).isEqualTo("DOWN");
            assertThat(inboxHealth.get("details").get("error").asText()).isEqualTo("not a directory");
            assertThat(inboxHealth.get("details").get("path").asText()).isEqualTo(root.resolve("inbox").toString());
            assertThat(down.json().get("components").get("outbox").get("status").asText()).isEqualTo("UP");
            Http.Answer readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            // a full or broken folder is no reason to restart the process
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    @Test
    void notReadyWhenTheOutboxCannotBeCreatedBecauseItsParentIsAFile() throws IOException {
        Path blocker = Files.writeString(root.resolve("blocker"), "a regular file");
        try (Bundle bundle = Bundle.start(root, Map.of("customs.outbox", blocker.resolve("outbox").toString()))) {
            Http http = bundle.http();
            JsonNode outbox = http.get("/actuator/health/outbox").json();
            assertThat(outbox.get("status").asText()).isEqualTo("DOWN");
            assertThat(outbox.get("details").get("error").asText()).isEqualTo("does not exist");
            assertThat(http.get("/actuator/health").status()).isEqualTo(503);
            assertThat(outbox.get("details").get("path").asText()).isEqualTo(blocker.resolve("outbox").toString());
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
        }
    }

    @Test
    void downWhenFreeSpaceIsBelowTheMinimum() {
        try (Bundle bundle = Bundle.start(root, Map.of("customs.health.min-free-space", "1000000TB"))) {
            Http http = bundle.http();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(root.resolve("inbox")));
            JsonNode inbox = http.get("/actuator/health/inbox").json();
            assertThat(inbox.get("status").asText()).isEqualTo("DOWN");
            assertThat(inbox.get("details").get("error").asText()).contains("customs.health.min-free-space");
            assertThat(inbox.get("details").get("freeBytes").asLong()).isPositive();
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
        }
    }

    private static void assertFolderUp(JsonNode folder, Path path) {
        assertThat(folder.get("status").asText()).isEqualTo("UP");
        assertThat(folder.get("details").get("path").asText()).isEqualTo(path.toAbsolutePath().toString());
        assertThat(folder.get("details").get("freeBytes").asLong()).isPositive();
        assertThat(folder.get("details").get("minFreeBytes").asLong()).isEqualTo(100L * 1024 * 1024);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
