package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class LedgerOutagesTest {

    @Test
    void workThatFailsWhileTheDatabaseIsAwayIsTriedAgainUntilItAnswers() {
        AtomicInteger tries = new AtomicInteger();
        LedgerOutages outages = new LedgerOutages(Duration.ofSeconds(10));
        String answer = outages.waitOut(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"));
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(tries).hasValue(3);
        assertThat(outages.waiting()).isZero();
    }

    @Test
    void anyOtherFailureGoesToTheCallerAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        LedgerOutages outages = new LedgerOutages(Duration.ofSeconds(10));
        assertThatThrownBy(() -> outages.waitOut(() -> {
            tries.incrementAndGet();
            throw new DataIntegrityViolationException("bad row");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void aLedgerAwayLongerThanTheWaitFailsWithoutTheSocketErrorAsItsCause() {
        LedgerOutages outages = new LedgerOutages(Duration.ofMillis(600));
        assertThatThrownBy(() -> outages.waitOut(() -> {
            throw new DataAccessResourceFailureException("gone", new ConnectException("Connection refused"));
        })).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("customs.ledger.outage-wait")
                .hasMessageContaining("ConnectException: Connection refused")
                .hasNoCause();
    }

    @Test
    void outagesAreToldFromMistakes() {
        assertThat(LedgerOutages.isOutage(new TransactionSystemException("JDBC rollback failed"))).isTrue();
        // PostgreSQL: terminating connection due to administrator command
        assertThat(LedgerOutages.isOutage(new UncategorizedSQLException("update", "update declaration",
                new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(LedgerOutages.isOutage(new UncategorizedSQLException("update", "update declaration",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(LedgerOutages.isOutage(new UncategorizedSQLException("update", "update declaration",
                new SQLException("syntax", "42601")))).isFalse();
        assertThat(LedgerOutages.isOutage(new IllegalStateException("no ledger row"))).isFalse();
    }
}
