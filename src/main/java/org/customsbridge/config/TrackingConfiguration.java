package org.customsbridge.config;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.quartz.QuartzComponent;
import org.customsbridge.admission.AdmissionPolicy;
import org.customsbridge.alipayplus.DeclarationRequestStatuses;
import org.customsbridge.alipayplus.InquiryMapper;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.mapi.MapiQueryAnswerMapper;
import org.customsbridge.tracking.CustomsAnswers;
import org.customsbridge.tracking.CustomsResultCodes;
import org.customsbridge.ledger.NodeHeartbeat;
import org.customsbridge.tracking.OpenDeclarations;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tracking of open declarations until customs answers. */
@Configuration(proxyBeanMethods = false)
public class TrackingConfiguration {

    @Bean
    OpenDeclarations openDeclarations(JdbcTemplate jdbc, Clock clock, CustomsProperties customs,
                                      NodeHeartbeat nodeHeartbeat) {
        return new OpenDeclarations(jdbc, clock, customs.tracking().batchSize(), nodeHeartbeat.staleAfter());
    }

    @Bean
    CustomsAnswers customsAnswers(DeclarationRows rows, StatusHistory history, AdmissionPolicy policy,
                                  CustomsProperties customs, Clock clock) {
        return new CustomsAnswers(rows, history, policy,
                new CustomsResultCodes(customs.tracking().customsAcceptedCodes()), clock);
    }

    @Bean
    InquiryMapper alipayPlusInquiryMapper(ObjectMapper mapper, CustomsProperties customs) {
        return new InquiryMapper(mapper, new DeclarationRequestStatuses(customs.alipayPlus().declarationStatuses()));
    }

    @Bean
    MapiQueryAnswerMapper mapiQueryAnswerMapper() {
        return new MapiQueryAnswerMapper();
    }

    /** Camel's quartz endpoints on Spring Boot's scheduler (spring.quartz.*: RAM by default, JDBC for clusters). */
    @Bean
    QuartzComponent quartz(Scheduler scheduler) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        return quartz;
    }
}
