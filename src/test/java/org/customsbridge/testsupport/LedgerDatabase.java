package org.customsbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.StatusHistory;
import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.privacy.PersonalData;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ledger database for fast tests, without the bundle: an in-memory H2 (or, with
 * {@code -Dcustoms.test.postgres-url}, a PostgreSQL schema of its own) migrated by the bundle's own
 * Flyway migrations, behind a plain {@link JdbcTemplate} and {@link TransactionTemplate}.
 */
public final class LedgerDatabase {

    public static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    public final JdbcTemplate jdbc;
    public final TransactionTemplate transactions;
    public final MutableClock clock = new MutableClock(START);
    public final DeclarationRows rows;
    public final StatusHistory history;
    /** Personal data encrypted under key {@code 1}, a fresh random key. */
    public final PersonalData personalData = new PersonalData(LedgerKeys.of("1", LedgerKeys.generate(), Map.of(),
            "customs.ledger.encryption-key"));

    static {
        // without a Spring context nothing sets the log levels: Flyway's progress would fill the test output
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private final DriverManagerDataSource dataSource;

    private LedgerDatabase(DriverManagerDataSource dataSource, String version) {
        this.dataSource = dataSource;
        migrateTo(version);
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.rows = new DeclarationRows(jdbc, transactions, new ObjectMapper(), personalData);
        this.history = new StatusHistory(jdbc);
    }

    /** A fresh, migrated, empty ledger. */
    public static LedgerDatabase create() {
        return createAt("latest");
    }

    /** A fresh, empty ledger migrated up to {@code version} only ({@code latest}: all): for tests of a migration. */
    public static LedgerDatabase createAt(String version) {
        if (!TestDatabase.onPostgres()) {
            return new LedgerDatabase(new DriverManagerDataSource(
                    "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), version);
        }
        try {
            Map<String, String> postgres = TestDatabase.ledger(Files.createTempDirectory("ledger"));
            return new LedgerDatabase(new DriverManagerDataSource(postgres.get("spring.datasource.url"),
                    postgres.get("spring.datasource.username"), postgres.get("spring.datasource.password")), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the migrations up to {@code version} ({@code latest}: all) that have not run yet. */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }

    public Clock clock() {
        return clock;
    }

    public OffsetDateTime now() {
        return LedgerTime.now(clock);
    }

    /** One column of a declaration row. */
    public <T> T column(String id, String column, Class<T> type) {
        return jdbc.queryForObject("select " + column + " from declaration where declaration_request_id = ?", type, id);
    }

    /** The statuses of a declaration's history, oldest first, as {@code FROM>TO}. */
    public List<String> history(String id) {
        return jdbc.queryForList("select coalesce(from_status, '-') || '>' || to_status from declaration_history "
                + "where declaration_request_id = ? order by id", String.class, id);
    }

    /** The statuses of the status events of an id, oldest first. */
    public List<String> events(String id) {
        return jdbc.queryForList("select status from status_event where declaration_request_id = ? order by id",
                String.class, id);
    }

}
