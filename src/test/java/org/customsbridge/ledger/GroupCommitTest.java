package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.customsbridge.testsupport.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes of many workers committed together, on a real ledger schema (H2, or PostgreSQL in its profile). */
class GroupCommitTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final AtomicInteger transactionsRun = new AtomicInteger();
    final TransactionTemplate counted = new TransactionTemplate(ledger.transactions.getTransactionManager()) {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            transactionsRun.incrementAndGet();
            return super.execute(action);
        }
    };
    final List<String> groupFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ExecutorService workers = Executors.newFixedThreadPool(8);
    GroupCommit groups;

    @AfterEach
    void stop() {
        workers.shutdownNow();
        if (groups != null) {
            groups.close();
        }
    }

    @Test
    void writesQueuedDuringACommitShareTheNextOne() throws Exception {
        groups = new GroupCommit(counted, 64);
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Integer> first = holdTheCommitter(othersQueued);
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String id = "E-" + i;
            others.add(workers.submit(() -> write(() -> event(id))));
        }
        awaitQueued(7);
        othersQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(events()).isEqualTo(8);
        assertThat(transactionsRun).as("the first write's commit, then one for the seven queued behind it")
                .hasValue(2);
    }

    @Test
    void aWriteThatFailsLeavesTheOthersOfItsGroupToBeWrittenAlone() throws Exception {
        groups = new GroupCommit(counted, 64);
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Integer> first = holdTheCommitter(othersQueued);
        Future<Integer> good = workers.submit(() -> write(() -> event("E-1")));
        Future<Integer> bad = workers.submit(() -> write(() -> {
            event("E-2");
            throw new IllegalStateException("this write fails");
        }));
        awaitQueued(2);
        othersQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("this write fails");
        assertThat(events()).as("the failed group rolled back whole: E-1 once, E-2 never").isEqualTo(2);
        assertThat(groupFailures).as("each write run alone is told why its group failed")
                .containsExactly("this write fails", "this write fails");
    }

    @Test
    void heldInsertsReachTheLedgerInOneBatchAfterTheGroupsWritesInTheirOrder() throws Exception {
        HeldInserts held = new HeldInserts(ledger.jdbc);
        groups = new GroupCommit(counted, 64, held);
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Integer> first = holdTheCommitter(othersQueued);
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = "H-" + i;
            others.add(workers.submit(() -> write(() -> {
                heldEvent(held, id);
                // held, not yet sent: the write sees none of its own events
                return events("H-%");
            })));
            awaitQueued(i);
        }
        othersQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isZero();
        }
        assertThat(ledger.jdbc.queryForList("select declaration_request_id from status_event where "
                + "declaration_request_id like 'H-%' order by id", String.class)).containsExactly("H-1", "H-2", "H-3");
        assertThat(transactionsRun).hasValue(2);

        // alone (a failed group's writes, or no group at all), an insert is made at once
        Integer seenAlone = counted.execute(tx -> {
            heldEvent(held, "H-4");
            return events("H-4");
        });
        assertThat(seenAlone).isEqualTo(1);
    }

    @Test
    void aHeldBatchThatFailsLeavesItsGroupsWritesToBeWrittenAlone() throws Exception {
        HeldInserts held = new HeldInserts(ledger.jdbc);
        groups = new GroupCommit(counted, 64, held);
        CountDownLatch othersQueued = new CountDownLatch(1);
        Future<Integer> first = holdTheCommitter(othersQueued);
        Future<Integer> good = workers.submit(() -> write(() -> {
            heldEvent(held, "B-1");
            return 1;
        }));
        awaitQueued(1);
        Future<Integer> bad = workers.submit(() -> write(() -> {
            // a status the column cannot hold: fails only when the batch is sent
            held.insert("insert into status_event (declaration_request_id, status, at) values (?, ?, ?)",
                    "B-2", "X".repeat(100), ledger.now());
            return 1;
        }));
        awaitQueued(2);
        othersQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThat(groupFailures).as("the batch failed the group, whose writes ran alone").hasSize(2);
        assertThat(events("B-%")).as("B-1 once, written alone; B-2 never").isEqualTo(1);
        assertThat(events("E-0")).as("the group's first write, written alone again").isEqualTo(1);
    }

    @Test
    void aGroupOfOneWritesAloneOnTheWorkersThread() {
        groups = new GroupCommit(counted, 1);
        String worker = Thread.currentThread().getName();

        assertThat(write(() -> Thread.currentThread().getName())).isEqualTo(worker);
    }

    @Test
    void afterCloseEveryWriteRunsAlone() {
        groups = new GroupCommit(counted, 64);
        assertThat(write(() -> Thread.currentThread().getName())).isEqualTo("ledger-group-commit");

        groups.close();

        assertThat(write(() -> Thread.currentThread().getName())).isEqualTo(Thread.currentThread().getName());
    }

    /** A first write (event E-0) that keeps its group's commit open until {@code release}. */
    private Future<Integer> holdTheCommitter(CountDownLatch release) throws InterruptedException {
        CountDownLatch inCommit = new CountDownLatch(1);
        Future<Integer> first = workers.submit(() -> write(() -> {
            inCommit.countDown();
            await(release);
            return event("E-0");
        }));
        assertThat(inCommit.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private <T> T write(Supplier<T> work) {
        return groups.write(work, (alone, groupFailure) -> {
            if (groupFailure != null) {
                groupFailures.add(groupFailure.getMessage());
            }
            return counted.execute(tx -> alone.get());
        });
    }

    private int event(String id) {
        return ledger.jdbc.update("insert into status_event (declaration_request_id, payment_id, gateway, status, at) "
                + "values (?, 'P', 'mapi', 'ACCEPTED', ?)", id, ledger.now());
    }

    private void heldEvent(HeldInserts held, String id) {
        held.insert("insert into status_event (declaration_request_id, payment_id, gateway, status, at) "
                + "values (?, 'P', 'mapi', 'ACCEPTED', ?)", id, ledger.now());
    }

    private int events(String idLike) {
        return ledger.jdbc.queryForObject("select count(*) from status_event where declaration_request_id like ?",
                Integer.class, idLike);
    }

    private int events() {
        return ledger.jdbc.queryForObject("select count(*) from status_event", Integer.class);
    }

    /** Until {@code writes} writes wait behind the commit under way (the committer holds the first). */
    private void awaitQueued(int writes) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.queued() < writes && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(groups.queued()).isEqualTo(writes);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
