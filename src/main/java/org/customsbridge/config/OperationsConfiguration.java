package org.customsbridge.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.customsbridge.intake.SftpPolls;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.LedgerOutages;
import org.customsbridge.ledger.LedgerSettings;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.operations.DeclarationQueries;
import org.customsbridge.operations.FilesInProgress;
import org.customsbridge.operations.FolderHealthIndicator;
import org.customsbridge.operations.GatewayHealthIndicator;
import org.customsbridge.operations.DeclareResults;
import org.customsbridge.operations.GatewayCallMetrics;
import org.customsbridge.operations.LedgerHealthIndicator;
import org.customsbridge.operations.LedgerMetrics;
import org.customsbridge.operations.LedgerOutageMetrics;
import org.customsbridge.operations.LedgerProbe;
import org.customsbridge.operations.LedgerSnapshot;
import org.customsbridge.operations.OperationsSettings;
import org.customsbridge.operations.Redeclarations;
import org.customsbridge.operations.SftpHealthIndicator;
import org.customsbridge.results.OutboxSpace;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operators see: the status API's ledger queries, health components (named after the bean:
 * {@code inbox}, {@code outbox}, {@code gateways}), ledger gauges and file progress.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    DeclarationQueries declarationQueries(JdbcTemplate jdbc) {
        return new DeclarationQueries(jdbc);
    }

    @Bean
    Redeclarations redeclarations(CamelContext camel, ProducerTemplate producer, DeclarationRows rows,
                                  StatusHistory history, Clock clock) {
        return new Redeclarations(camel, producer, rows, history, clock);
    }

    @Bean
    HealthIndicator inboxHealthIndicator(CustomsProperties customs, OperationsSettings settings) {
        return new FolderHealthIndicator(FolderHealthIndicator.created(customs.inbox()),
                settings.health().minFreeSpace());
    }

    @Bean
    HealthIndicator outboxHealthIndicator(CustomsProperties customs, OperationsSettings settings) {
        return new FolderHealthIndicator(FolderHealthIndicator.created(customs.outbox()),
                settings.health().minFreeSpace());
    }

    @Bean
    LedgerProbe ledgerProbe(JdbcTemplate jdbc, LedgerSettings ledger, Clock clock) {
        return new LedgerProbe(jdbc, ledger.probeInterval(), ledger.probeTimeout(), clock);
    }

    /**
     * The ledger's component, {@code db} as Spring Boot names its own, which it replaces: Boot's asks
     * the connection pool, which holds a health request for half a minute while the database is down.
     */
    @Bean
    HealthIndicator dbHealthIndicator(LedgerProbe probe) {
        return new LedgerHealthIndicator(probe);
    }

    /** The file intake's filter: no new file while the outbox has less than the minimum free space. */
    @Bean
    OutboxSpace outboxSpace(CustomsProperties customs, OperationsSettings settings) {
        return new OutboxSpace(customs.outbox(), settings.health().minFreeSpace());
    }

    /** One component per enabled gateway, under {@code gateways}. */
    @Bean
    CompositeHealthContributor gatewaysHealthContributor(JdbcTemplate jdbc, LedgerProbe probe, Gateways gateways) {
        Map<String, HealthIndicator> byGateway = new LinkedHashMap<>();
        for (String gateway : CustomsProperties.GATEWAYS) {
            if (gateways.isEnabled(gateway)) {
                byGateway.put(gateway, new GatewayHealthIndicator(jdbc, probe, gateway));
            }
        }
        return CompositeHealthContributor.fromMap(byGateway);
    }

    /** The SFTP intake's last poll, under {@code sftp}, when it is on. */
    @Bean
    @Conditional(SftpConfigured.class)
    HealthIndicator sftpHealthIndicator(SftpPolls polls,
                                        CamelContext camel) {
        return new SftpHealthIndicator(polls, camel);
    }

    @Bean
    LedgerSnapshot ledgerSnapshot(JdbcTemplate jdbc, LedgerProbe probe, Clock clock, OperationsSettings settings) {
        return new LedgerSnapshot(jdbc, probe, clock, settings.metrics().ledgerCache());
    }

    @Bean
    LedgerOutageMetrics ledgerOutageMetrics(LedgerProbe probe, LedgerOutages outages) {
        return new LedgerOutageMetrics(probe, outages);
    }

    /** Found by Camel as an event notifier: times every HTTP call to a gateway. */
    @Bean
    GatewayCallMetrics gatewayCallMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        return new GatewayCallMetrics(registry);
    }

    /** Counts the result code of every declare call (a step of the declare routes). */
    @Bean
    DeclareResults declareResults(io.micrometer.core.instrument.MeterRegistry registry) {
        return new DeclareResults(registry);
    }

    @Bean
    LedgerMetrics ledgerMetrics(LedgerSnapshot snapshot) {
        return new LedgerMetrics(snapshot, List.copyOf(CustomsProperties.GATEWAYS));
    }

    @Bean
    FilesInProgress filesInProgress(Clock clock) {
        return new FilesInProgress(clock);
    }
}
