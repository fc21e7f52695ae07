package org.customsbridge.config;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.reports.ReconciliationQueries;
import org.customsbridge.reports.ReconciliationReports;
import org.customsbridge.reports.ReportSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reconciliation report, written daily by route {@code reconciliation-report} or on demand. */
@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

    @Bean
    ReconciliationReports reconciliationReports(JdbcTemplate jdbc, ObjectMapper mapper, Clock clock,
                                                ReportSettings settings, CustomsProperties customs) {
        return new ReconciliationReports(new ReconciliationQueries(jdbc, mapper, clock),
                settings.withDefaultDirectory(customs.outbox().resolve("reports")), clock);
    }
}
