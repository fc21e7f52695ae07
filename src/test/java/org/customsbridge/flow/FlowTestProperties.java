package org.customsbridge.flow;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Properties that give one test its own folders, keys and in-memory ledger, polling fast. */
final class FlowTestProperties {

    private FlowTestProperties() {
    }

    static void register(DynamicPropertyRegistry registry, Path root) {
        registry.add("customs.inbox", () -> root.resolve("inbox").toString());
        registry.add("customs.outbox", () -> root.resolve("outbox").toString());
        registry.add("customs.demo-keys-directory", () -> root.resolve("keys").toString());
        registry.add("customs.intake.file.poll-delay-ms", () -> "100");
        registry.add("customs.intake.file.stable-for-ms", () -> "200");
        registry.add("customs.merchant.customs-code", () -> "hanguo");
        registry.add("customs.merchant.customs-name", () -> "jwyhanguo_card");
        if (System.getProperty("spring.datasource.url") == null) {
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:mem:flow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
    }
}
