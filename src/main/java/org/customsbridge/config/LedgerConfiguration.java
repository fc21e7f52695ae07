package org.customsbridge.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.admission.AdmissionPolicy;
import org.customsbridge.admission.ClaimFence;
import org.customsbridge.admission.Claims;
import org.customsbridge.admission.DeclarationAdmissions;
import org.customsbridge.admission.OrderKeys;
import org.customsbridge.admission.RetransmissionRule;
import org.customsbridge.declare.DeclareCalls;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.GroupCommit;
import org.customsbridge.ledger.HeldInserts;
import org.customsbridge.ledger.LedgerOutages;
import org.customsbridge.ledger.LedgerSettings;
import org.customsbridge.ledger.NodeHeartbeat;
import org.customsbridge.ledger.PersonalDataRows;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.privacy.PersonalData;
import org.customsbridge.privacy.PersonalDataSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's rows and history, the keys its personal data is encrypted with, the admission policy
 * that guards the rows, and the declare calls they record.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /**
     * The configured keys; with none, the demo key of an add-on that stands in for Alipay (the
     * simulator); without either, start-up stops: a real gateway carries real identities.
     */
    @Bean
    LedgerKeys ledgerKeys(PersonalDataSettings settings, Optional<GatewayDefaults> defaults) {
        String property = "customs.ledger.encryption-key";
        String key = settings.hasEncryptionKey() ? settings.encryptionKey()
                : defaults.map(GatewayDefaults::ledgerEncryptionKey).orElseThrow(() -> new IllegalStateException(
                        property + ": required when customs.simulator.enabled=false (base64 of 32 random bytes, "
                                + "e.g. openssl rand -base64 32, or file: and a path)"));
        return LedgerKeys.of(settings.encryptionKeyId(), key, settings.encryptionKeys(), property);
    }

    @Bean
    PersonalData personalData(LedgerKeys keys) {
        return new PersonalData(keys);
    }

    @Bean
    LedgerOutages ledgerOutages(LedgerSettings ledger) {
        return new LedgerOutages(ledger.outageWait());
    }

    /** Closed when the application stops: the writes queued by then are committed first. */
    @Bean
    GroupCommit ledgerGroupCommit(TransactionTemplate transactions, LedgerSettings ledger, HeldInserts held) {
        return new GroupCommit(transactions, ledger.groupCommit(), held);
    }

    /** History rows and status events: within a group of ledger writes, one batch per table. */
    @Bean
    HeldInserts heldInserts(JdbcTemplate jdbc) {
        return new HeldInserts(jdbc);
    }

    @Bean
    DeclarationRows declarationRows(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper,
                                    PersonalData personalData, LedgerOutages outages, GroupCommit groups) {
        return new DeclarationRows(jdbc, transactions, mapper, personalData, outages, groups);
    }

    /** Encrypts rows written in clear before the routes start: by then the ledger holds no identity in clear. */
    @Bean
    PersonalDataRows personalDataRows(JdbcTemplate jdbc, ObjectMapper mapper, PersonalData personalData,
                                      PersonalDataSettings settings, Clock clock) {
        PersonalDataRows rows = new PersonalDataRows(jdbc, mapper, personalData, settings.personalDataRetention(),
                clock);
        rows.encryptClearRows();
        return rows;
    }

    @Bean
    StatusHistory statusHistory(HeldInserts held) {
        return new StatusHistory(held);
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
    AdmissionPolicy admissionPolicy(Claims claims, CustomsProperties customs, DeclarationRows rows) {
        return new AdmissionPolicy(claims, new RetransmissionRule(customs.retransmissionWait()), rows::holdsSameData);
    }

    @Bean
    DeclarationAdmissions declarationAdmissions(DeclarationRows rows, StatusHistory history, AdmissionPolicy policy,
                                                ObjectProvider<OrderKeys> orderKeys, Clock clock) {
        return new DeclarationAdmissions(rows, history, policy, OrderKeys.anyOf(orderKeys.orderedStream().toList()),
                clock);
    }

    @Bean
    DeclareCalls declareCalls(DeclarationRows rows, StatusHistory history, Claims claims, Clock clock) {
        return new DeclareCalls(rows, history, claims, clock);
    }

    /** The fencing check before every call; a node cut off waits for its heartbeat as long as for the ledger. */
    @Bean
    ClaimFence claimFence(DeclarationRows rows, NodeHeartbeat nodeHeartbeat, Claims claims, LedgerSettings ledger,
                          Clock clock) {
        return new ClaimFence(rows, nodeHeartbeat, claims.ttl(), ledger.outageWait(), clock);
    }
}
