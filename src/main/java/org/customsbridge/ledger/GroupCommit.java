package org.customsbridge.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the small ledger writes of many declare workers together: one transaction, one commit, for
 * every write that arrived while the previous group was being committed. A worker's write is the same
 * statements it would run alone, with the same conditions (a claim's token among them), and the worker
 * goes on only once the commit that holds its write has succeeded: what a crash leaves in the ledger is
 * what it would leave with one transaction per write, only fewer commits are paid for.
 *
 * <p>A group is all or nothing. When it cannot be committed — one write fails, a row races with another
 * node, the database cannot be reached, or the commit's answer is lost — every write of the group is
 * run again by its own worker, alone, as if groups did not exist ({@code alone}: a transaction that also
 * waits out an outage). A write must therefore touch nothing but the ledger, and may run twice only where
 * a lost commit's answer would make it run twice anyway (the token of a claim tells its own commit).
 *
 * <p>Groups are formed by one committer thread: no timer and no batch to wait for; under a light load
 * each group holds one write, under a heavy one as many as queued up, at most {@code maxGroup}.
 */
public class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Queued by {@link #close()}: the committer commits what was queued before it, then stops. */
    private static final Write<Void> STOP = new Write<>(() -> null);

    private final TransactionTemplate transactions;
    private final int maxGroup;
    private final HeldInserts held;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private boolean closed;

    /**
     * @param maxGroup the most writes one commit holds; 1 runs every write alone on its worker's thread
     */
    public GroupCommit(TransactionTemplate transactions, int maxGroup) {
        this(transactions, maxGroup, null);
    }

    /**
     * @param maxGroup the most writes one commit holds; 1 runs every write alone on its worker's thread
     * @param held     the inserts the writes of a group hold until all have run ({@code null}: none)
     */
    public GroupCommit(TransactionTemplate transactions, int maxGroup, HeldInserts held) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one write, was " + maxGroup);
        }
        this.transactions = transactions;
        this.maxGroup = maxGroup;
        this.held = held;
        if (maxGroup == 1) {
            this.committer = null;
        } else {
            this.committer = new Thread(this::commitGroups, "ledger-group-commit");
            committer.setDaemon(true);
            committer.start();
        }
    }

    /**
     * Runs {@code work} in the ledger transaction of a group and returns its result once that has been
     * committed; if the group could not be committed, runs it {@code alone} on this thread instead,
     * given the group's failure ({@code null} when the work was not grouped at all).
     */
    public <T> T write(Supplier<T> work, BiFunction<Supplier<T>, RuntimeException, T> alone) {
        if (committer == null) {
            return alone.apply(work, null);
        }
        Write<T> write = new Write<>(work);
        boolean queued;
        synchronized (queue) {
            queued = !closed && queue.add(write);
        }
        if (!queued) {
            return alone.apply(work, null);
        }
        // join() waits on through an interrupt: the write may be in a commit already
        Outcome<T> outcome = write.done.join();
        return outcome.failure() == null ? outcome.result() : alone.apply(work, outcome.failure());
    }

    private void commitGroups() {
        List<Write<?>> group = new ArrayList<>(maxGroup);
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(queue.take());
            } catch (InterruptedException unexpected) {
                // only close() stops the committer, by the STOP write, so that no commit is interrupted
                continue;
            }
            queue.drainTo(group, maxGroup - 1);
            stopping = group.remove(STOP);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
        }
        // writes queued behind STOP (none once closed is set) are run alone by their workers
        List<Write<?>> left = new ArrayList<>();
        queue.drainTo(left);
        IllegalStateException stopped = new IllegalStateException("the ledger's group commit has stopped");
        left.forEach(write -> write.notCommitted(stopped));
    }

    private void commit(List<Write<?>> group) {
        try {
            transactions.executeWithoutResult(tx -> {
                if (held == null) {
                    group.forEach(Write::run);
                } else {
                    held.holdingDuring(() -> group.forEach(Write::run));
                }
            });
        } catch (RuntimeException failed) {
            // nothing of the group took effect (or its commit's answer was lost): each runs alone
            LOG.debug("A group of {} ledger writes was not committed, each is written alone: {}", group.size(),
                    failed.toString());
            group.forEach(write -> write.notCommitted(failed));
            return;
        } catch (Error failed) {
            // the committer lives on: a worker whose write it had taken must not wait forever
            LOG.error("A group of {} ledger writes failed; each is written alone", group.size(), failed);
            group.forEach(write -> write.notCommitted(new IllegalStateException("group commit failed", failed)));
            return;
        }
        group.forEach(Write::committed);
    }

    /** How many writes wait for the next commit (for the health of the ledger and for tests). */
    public int queued() {
        return queue.size();
    }

    /** Stops forming groups; writes still queued are committed first, any later one runs alone. */
    @Override
    public void close() {
        if (committer == null) {
            return;
        }
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A committed write's result, or the failure of the group it was in. */
    private record Outcome<T>(T result, RuntimeException failure) {
    }

    private static final class Write<T> {
        private final Supplier<T> work;
        private final CompletableFuture<Outcome<T>> done = new CompletableFuture<>();
        private T result;

        Write(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            result = work.get();
        }

        void committed() {
            done.complete(new Outcome<>(result, null));
        }

        /** @param failure why the write was not committed (never {@code null}) */
        void notCommitted(RuntimeException failure) {
            done.complete(new Outcome<>(null, failure));
        }
    }
}
