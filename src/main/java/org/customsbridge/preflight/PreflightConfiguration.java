package org.customsbridge.preflight;

import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.customsbridge.CustomsConstants;
import org.customsbridge.alipayplus.AlipayPlusPreflight;
import org.customsbridge.config.CustomsProperties;
import org.customsbridge.config.Gateways;
import org.customsbridge.intake.EndpointIntakeSettings;
import org.customsbridge.intake.SftpSettings;
import org.customsbridge.operations.OperationsSettings;
import org.customsbridge.mapi.MapiPreflight;
import org.customsbridge.wechat.WechatPreflight;
import org.customsbridge.signing.MapiSignType;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/** The preflight's checks, in the order they are printed; present only with {@code customs.preflight=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PreflightMode.PROPERTY, havingValue = "true")
public class PreflightConfiguration {

    @Bean
    PreflightRun preflightRun(List<PreflightCheck> checks) {
        return new PreflightRun(checks, System.out);
    }

    @Bean
    @Order(1)
    PreflightCheck ledgerAndBrokerAndFolders(HealthContributorRegistry registry) {
        return new HealthPartsCheck(registry, List.of(
                new HealthPartsCheck.Part("db", "ledger", "spring.datasource.url, .username, .password"),
                new HealthPartsCheck.Part("jms", "broker", "spring.artemis.mode, spring.artemis.broker-url, "
                        + "spring.artemis.user, spring.artemis.password"),
                new HealthPartsCheck.Part("inbox", "inbox", "customs.inbox, customs.health.min-free-space"),
                new HealthPartsCheck.Part("outbox", "outbox", "customs.outbox, customs.health.min-free-space")));
    }

    @Bean
    @Order(2)
    PreflightCheck ledgerSchema(ObjectProvider<Flyway> flyway) {
        Flyway migrations = flyway.getIfAvailable();
        return migrations == null ? List::of : new LedgerSchemaCheck(migrations);
    }

    @Bean
    @Order(3)
    PreflightCheck channels(CamelContext camel, Environment environment, DataSource ledger,
                            OperationsSettings operations, EndpointIntakeSettings intakes) {
        return new ChannelChecks(camel, Binder.get(environment), ledger, operations.health().minFreeSpace(),
                intakes);
    }

    @Bean
    @Order(4)
    PreflightCheck sftpServer(SftpSettings sftp) {
        return new SftpCheck(sftp);
    }

    @Bean
    @Order(5)
    PreflightCheck gatewaysAnswer(CamelContext camel, Gateways gateways, CustomsProperties customs) {
        List<GatewaySettingsHints> hints = List.of(AlipayPlusPreflight.hints(), MapiPreflight.hints(
                MapiSignType.parse(customs.mapi().signType() == null ? "" : customs.mapi().signType().strip())
                        .orElse(MapiSignType.RSA2)), WechatPreflight.hints());
        return new GatewayCheck(camel, new TreeSet<>(gateways.enabled()).stream().toList(), hints,
                CustomsConstants.INQUIRY_IDS);
    }
}
