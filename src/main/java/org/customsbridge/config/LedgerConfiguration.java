package org.customsbridge.config;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.admission.AdmissionPolicy;
import org.customsbridge.admission.Claims;
import org.customsbridge.admission.DeclarationAdmissions;
import org.customsbridge.admission.RetransmissionRule;
import org.customsbridge.declare.DeclareCalls;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.NodeHeartbeat;
import org.customsbridge.ledger.StatusHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's rows and history, the admission policy that guards them, and the declare calls they record. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    DeclarationRows declarationRows(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper) {
        return new DeclarationRows(jdbc, transactions, mapper);
    }

    @Bean
    StatusHistory statusHistory(JdbcTemplate jdbc) {
        return new StatusHistory(jdbc);
    }

    @Bean
    Claims claims(CustomsProperties customs, NodeHeartbeat nodeHeartbeat) {
        // A claim outlives every call and resend it guards, so that a crashed call is resent only once
        // none of its calls can still be answered.
        CustomsProperties.Retry retry = customs.retry();
        Duration ttl = customs.http().timeout().multipliedBy(retry.maxAttempts())
                .plus(retry.delay().multipliedBy((1L << (retry.maxAttempts() - 1)) - 1)).plusSeconds(30);
        return new Claims(nodeHeartbeat.nodeId(), ttl, nodeHeartbeat::isAlive);
    }

    @Bean
    AdmissionPolicy admissionPolicy(Claims claims, CustomsProperties customs) {
        return new AdmissionPolicy(claims, new RetransmissionRule(customs.retransmissionWait()));
    }

    @Bean
    DeclarationAdmissions declarationAdmissions(DeclarationRows rows, StatusHistory history, AdmissionPolicy policy,
                                                Clock clock) {
        return new DeclarationAdmissions(rows, history, policy, clock);
    }

    @Bean
    DeclareCalls declareCalls(DeclarationRows rows, StatusHistory history, Clock clock) {
        return new DeclareCalls(rows, history, clock);
    }
}
