package org.customsbridge.ledger;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that restarts, fails over or drops its connections is not a reason to give up a record:
 * ledger work that fails because the database cannot be reached is tried again, with pauses doubling
 * up to a few seconds, for at most {@code customs.ledger.outage-wait}. Only then does it fail, with
 * {@link LedgerUnavailableException}. A failed statement or transaction never took effect, so trying
 * it again is what the first try meant.
 *
 * <p>The outage is logged once when the first worker meets it and once when the ledger answers
 * again, not once per record; {@link #waiting()} tells how many workers are waiting right now.
 */
public class LedgerOutages {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerOutages.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Duration outageWait;
    private final AtomicReference<Instant> outageSince = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();

    public LedgerOutages(Duration outageWait) {
        this.outageWait = outageWait;
    }

    /**
     * Runs {@code work}, again and again while it fails only because the ledger cannot be reached,
     * for at most {@code customs.ledger.outage-wait} from its first try (a try that hangs until the
     * pool's connection timeout counts too, so a wait shorter than that timeout gives up after one try).
     * Any other failure goes to the caller at once.
     */
    public <T> T waitOut(Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } catch (RuntimeException failure) {
            if (!isOutage(failure)) {
                throw failure;
            }
            return waitOut(work, failure, started);
        }
    }

    /**
     * Runs {@code work} again after it failed elsewhere with {@code failed} (in a group of writes that
     * could not be committed): an outage goes on being waited out as if that had been this work's own
     * first try, begun at {@code startedNanos} ({@link System#nanoTime()}); any other failure is
     * forgotten and the work tried afresh.
     */
    public <T> T retry(Supplier<T> work, RuntimeException failed, long startedNanos) {
        return isOutage(failed) ? waitOut(work, failed, startedNanos) : waitOut(work);
    }

    private <T> T waitOut(Supplier<T> work, RuntimeException first, long startedNanos) {
        began(first);
        long deadline = startedNanos + outageWait.toNanos();
        Duration pause = FIRST_PAUSE;
        RuntimeException last = first;
        waiting.incrementAndGet();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LedgerUnavailableException("the ledger has not answered for "
                            + outageWait.toSeconds() + " s (customs.ledger.outage-wait): " + summary(last));
                }
                sleep(Math.min(pause.toNanos(), left));
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                try {
                    T result = work.get();
                    ended();
                    return result;
                } catch (RuntimeException failure) {
                    if (!isOutage(failure)) {
                        throw failure;
                    }
                    last = failure;
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Workers waiting for the ledger to answer again. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Whether {@code failure} means the database could not be reached (no connection, a connection
     * lost or killed, an administrator's shutdown, a failover) rather than that the work was wrong.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P (operator intervention: shutdown, terminated). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private void began(RuntimeException failure) {
        if (outageSince.compareAndSet(null, Instant.now())) {
            LOG.warn("The ledger cannot be reached ({}); declare workers wait for it, up to {} s each "
                    + "(customs.ledger.outage-wait)", summary(failure), outageWait.toSeconds());
        }
    }

    private void ended() {
        Instant since = outageSince.getAndSet(null);
        if (since != null) {
            LOG.warn("The ledger answers again after {} ms; declare workers go on",
                    Duration.between(since, Instant.now()).toMillis());
        }
    }

    /** The innermost failure and its message: the database's or the network's own words, without the SQL. */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for the ledger");
        }
    }
}
