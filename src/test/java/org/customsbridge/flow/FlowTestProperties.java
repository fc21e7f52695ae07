package org.customsbridge.flow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Properties that give one test its own folders, keys, ledger and logins, polling fast. */
public final class FlowTestProperties {

    private static final AtomicInteger SERVER_IDS = new AtomicInteger(1000);

    private FlowTestProperties() {
    }

    static void register(DynamicPropertyRegistry registry, Path root) {
        of(root).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The properties for a bundle under {@code root}, with its ledger from {@link TestDatabase}. */
    public static Map<String, String> of(Path root) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("customs.inbox", root.resolve("inbox").toString());
        properties.put("customs.outbox", root.resolve("outbox").toString());
        properties.put("customs.demo-keys-directory", root.resolve("keys").toString());
        properties.put("customs.intake.endpoint-staging-directory", root.resolve("endpoint-staging").toString());
        properties.put("customs.intake.file.poll-delay", "100ms");
        properties.put("customs.intake.file.stable-for", "200ms");
        properties.put("customs.merchant.customs-code", "hanguo");
        properties.put("customs.merchant.customs-name", "jwyhanguo_card");
        properties.put("spring.artemis.embedded.data-directory", root.resolve("artemis").toString());
        properties.put("spring.artemis.embedded.server-id", Integer.toString(SERVER_IDS.incrementAndGet()));
        properties.put("customs.sinks.poll-delay", "100ms");
        properties.put("customs.retry.delay", "100ms");
        properties.putAll(TestDatabase.ledger(root));
        properties.putAll(TestLogins.properties());
        return properties;
    }
}
