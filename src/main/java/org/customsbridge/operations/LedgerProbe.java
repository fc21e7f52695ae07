package org.customsbridge.operations;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.customsbridge.ledger.LedgerOutages;
import org.customsbridge.ledger.LedgerUnavailableException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Whether the ledger answers, found out in the background: a thread of its own reads it every
 * {@code customs.ledger.probe-interval}, so that a health request never waits for a database that
 * does not answer (the connection pool alone would hold it for half a minute). A read that has not
 * answered within {@code customs.ledger.probe-timeout} counts as a failure while it still hangs.
 * The health components that show ledger contents read through {@link #read}, bounded the same way.
 */
public class LedgerProbe implements SmartLifecycle {

    /**
     * What the last reads came to: {@code problem} is null while the ledger answers; {@code database}
     * is the database's product name ({@code H2}, {@code PostgreSQL}), null until it first answered.
     */
    public record Reading(Instant lastAnswerAt, String problem, Instant problemSince, String database) {

        public boolean reachable() {
            return problem == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private volatile Instant readStarted;
    private volatile Instant lastAnswerAt;
    private volatile String lastFailure;
    private volatile Instant failingSince;
    private volatile String database;
    private ScheduledExecutorService probes;
    private ExecutorService reads;

    public LedgerProbe(JdbcTemplate jdbc, Duration interval, Duration timeout, Clock clock) {
        this.jdbc = jdbc;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The ledger as the last background read found it; at once, whatever the database does. */
    public Reading reading() {
        Instant started = readStarted;
        Instant now = clock.instant();
        if (started != null && Duration.between(started, now).compareTo(timeout) > 0) {
            Instant since = failingSince != null && failingSince.isBefore(started) ? failingSince : started;
            return new Reading(lastAnswerAt, "no answer for " + Duration.between(started, now).toMillis() + " ms", since,
                    database);
        }
        String failure = lastFailure;
        if (failure != null) {
            return new Reading(lastAnswerAt, failure, failingSince, database);
        }
        return new Reading(lastAnswerAt, null, null, database);
    }

    /**
     * Runs a ledger read for a health component, waiting for it at most {@code probe-timeout}.
     *
     * @throws LedgerUnavailableException when the ledger is known not to answer, or the read does not
     *                                    answer in time
     */
    public <T> T read(Supplier<T> query) {
        Reading reading = reading();
        if (!reading.reachable()) {
            throw new LedgerUnavailableException("the ledger cannot be read: " + reading.problem());
        }
        Future<T> answer = reads.submit(query::get);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            answer.cancel(true);
            throw new LedgerUnavailableException("the ledger did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            throw new LedgerUnavailableException("the ledger cannot be read: " + failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while reading the ledger");
        }
    }

    void probe() {
        readStarted = clock.instant();
        try {
            jdbc.queryForObject("select 1", Integer.class);
            lastAnswerAt = clock.instant();
            lastFailure = null;
            failingSince = null;
            if (database == null) {
                // within the read's time, so that a database hanging here shows as one that does not answer
                database = productName();
            }
        } catch (RuntimeException e) {
            if (failingSince == null) {
                failingSince = readStarted;
            }
            lastFailure = LedgerOutages.summary(e);
        } finally {
            readStarted = null;
        }
    }

    /** Which database answers, read once (it does not change while the bundle runs); null if unread. */
    private String productName() {
        try {
            return JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException | RuntimeException unread) {
            return null; // only a detail of health: the next probe tries again
        }
    }

    @Override
    public synchronized void start() {
        probes = Executors.newSingleThreadScheduledExecutor(daemon("ledger-probe"));
        reads = Executors.newSingleThreadExecutor(daemon("ledger-health-read"));
        // the first read before the bundle takes traffic, so that health has an answer from the start
        probe();
        probes.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (probes != null) {
            probes.shutdownNow();
            reads.shutdownNow();
            probes = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return probes != null;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
