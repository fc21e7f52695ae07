package org.customsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The routes' placeholders answered from the typed settings, and {@code millis:} on top of them. */
class TypedSettingsSourceTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CustomsProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void aSettingLeftOutResolvesToTheDefaultOfItsSettingsClass() {
        runner.run(context -> {
            TypedSettingsSource source = new TypedSettingsSource(context);
            assertThat(source.getProperty("customs.inbox")).isEqualTo("data/inbox");
            assertThat(source.getProperty("customs.intake.file.poll-delay")).isEqualTo("1000ms");
            assertThat(source.getProperty("customs.jms.dead-letter-queue")).isEqualTo("customs.declarations.DLQ");
        });
    }

    @Test
    void aSettingTheUserGaveResolvesToTheirValue() {
        runner.withPropertyValues("customs.intake.file.poll-delay=2s", "customs.tracking.customs-accepted-codes=2")
                .run(context -> {
                    TypedSettingsSource source = new TypedSettingsSource(context);
                    assertThat(source.getProperty("customs.intake.file.poll-delay")).isEqualTo("2000ms");
                    assertThat(source.getProperty("customs.tracking.customs-accepted-codes")).isEqualTo("2");
                });
    }

    @Test
    void whatNoSettingsClassHoldsIsLeftToTheEnvironment() {
        runner.run(context -> {
            TypedSettingsSource source = new TypedSettingsSource(context);
            assertThat(source.getProperty("customs.no-such-setting")).isNull();
            assertThat(source.getProperty("customs.merchant.customs-code")).as("not set, no default").isNull();
            assertThat(source.getProperty("camel.main.name")).isNull();
        });
    }

    @Test
    void millisTurnsADurationIntoPlainMilliseconds() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.put("customs.retry.delay", "10s");
            properties.put("customs.retry.max-attempts", "five");
            camel.getPropertiesComponent().setInitialProperties(properties);
            MillisFunction millis = new MillisFunction();
            millis.setCamelContext(camel);

            assertThat(millis.apply("customs.retry.delay")).isEqualTo("10000");
            assertThatThrownBy(() -> millis.apply("customs.retry.max-attempts"))
                    .hasMessageStartingWith("customs.retry.max-attempts: not a duration");
            assertThatThrownBy(() -> millis.apply("customs.retry.unknown"))
                    .hasMessage("customs.retry.unknown: no such setting");
        }
    }
}
