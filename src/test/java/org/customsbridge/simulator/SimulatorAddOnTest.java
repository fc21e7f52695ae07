package org.customsbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.customsbridge.flow.Bundle;
import org.customsbridge.privacy.LedgerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulator is an add-on: the bundle's own code never names it, and with
 * {@code customs.simulator.enabled=false} nothing of it is in the running bundle.
 */
class SimulatorAddOnTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final String PACKAGE = SimulatorAutoConfiguration.class.getPackageName();

    @TempDir
    Path root;

    @Test
    void noMainClassOutsideTheSimulatorNamesIt() throws IOException {
        Path simulatorSources = MAIN_SOURCES.resolve(PACKAGE.replace('.', '/'));
        try (Stream<Path> sources = Files.walk(MAIN_SOURCES)) {
            List<Path> naming = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(simulatorSources))
                    .filter(file -> read(file).contains(PACKAGE))
                    .toList();
            assertThat(naming).as("main classes that import or name %s", PACKAGE).isEmpty();
        }
    }

    @Test
    void withTheSimulatorOffNoSimulatorBeanExists() {
        DemoKeys keys = DemoKeys.in(root.resolve("own-keys"));
        try (Bundle bundle = Bundle.start(root, Map.of("customs.simulator.enabled", "false",
                "customs.ledger.encryption-key", LedgerKeys.generate(),
                "customs.alipay-plus.endpoint", "http://127.0.0.1:9",
                "customs.alipay-plus.client-id", "CLIENT_1",
                "customs.alipay-plus.private-key", keys.privateKey(DemoKeys.MERCHANT),
                "customs.alipay-plus.alipay-public-key", keys.publicKey(DemoKeys.ALIPAY)))) {
            ConfigurableApplicationContext context = bundle.context();
            List<String> simulatorBeans = Arrays.stream(context.getBeanDefinitionNames())
                    .filter(name -> isSimulatorType(context.getType(name)) || name.contains(PACKAGE))
                    .toList();
            assertThat(simulatorBeans).isEmpty();
            assertThat(Files.exists(root.resolve("keys"))).as("no demo keys generated").isFalse();
        }
    }

    @Test
    void withTheSimulatorOnItStandsInForTheGateways() {
        try (Bundle bundle = Bundle.start(root, Map.of())) {
            ConfigurableApplicationContext context = bundle.context();
            assertThat(context.getBeansOfType(SimulatorGatewayDefaults.class)).hasSize(1);
            assertThat(context.getBeansOfType(SimulatorJournalController.class)).hasSize(1);
        }
    }

    private static boolean isSimulatorType(Class<?> type) {
        return type != null && Objects.equals(type.getPackageName(), PACKAGE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
