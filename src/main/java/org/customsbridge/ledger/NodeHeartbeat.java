package org.customsbridge.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This instance's identity in the ledger, kept alive by a heartbeat. A node whose heartbeat is
 * older than {@link #staleAfter()} is taken for dead: its claims no longer hold.
 *
 * <p>It also tells this node whether it may still trust its own claims (self-fencing): only while
 * its last written beat is younger than {@link #callWindow()} — one beat short of being taken for
 * dead, a margin for a call that is just going out — can no other node have taken its claims over.
 * A node cut off from the ledger longer than that makes no call until a beat is written again, and
 * then only after checking each claim on its row.
 */
public class NodeHeartbeat implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
    private static final long LOOK_AGAIN_MILLIS = 100;

    private final String nodeId = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    /** The time written by the last beat that was committed. */
    private volatile OffsetDateTime lastBeat;
    /** When the current unbroken run of beats began: no other node can have taken this one for dead since. */
    private volatile OffsetDateTime freshSince;
    /** Beats written since {@link #start()}. */
    private long beats;

    public NodeHeartbeat(JdbcTemplate jdbc, Clock clock, Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
        OffsetDateTime now = now();
        jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values (?, ?, ?)", nodeId, now, now);
        lastBeat = now;
        freshSince = now;
    }

    public String nodeId() {
        return nodeId;
    }

    /** How old a node's last beat is when the node is taken for dead: three beats. */
    public Duration staleAfter() {
        return interval.multipliedBy(3);
    }

    /** How old this node's last written beat may be for it to make a call: two beats. */
    public Duration callWindow() {
        return staleAfter().minus(interval);
    }

    /** Whether {@code otherNode} has beaten its heart recently enough to still hold its claims. */
    public boolean isAlive(String otherNode) {
        if (nodeId.equals(otherNode)) {
            return true;
        }
        OffsetDateTime beat = jdbc.query("select heartbeat_at from bundle_node where node_id = ?",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class), otherNode).stream().findFirst().orElse(null);
        return beat != null && beat.isAfter(now().minus(staleAfter()));
    }

    /** Whether this node's last written beat is recent enough for it to make a call now. */
    public boolean isFresh() {
        return now().isBefore(lastBeat.plus(callWindow()));
    }

    /**
     * Whether no other node can have taken this node for dead at any moment since {@code since}: its
     * beats have gone on unbroken since then, and the last one is fresh. A claim made since then is
     * still this node's, without asking the ledger.
     */
    public boolean heldThroughout(OffsetDateTime since) {
        return isFresh() && !since.isBefore(freshSince);
    }

    /**
     * Waits until this node's heartbeat is fresh again, for at most {@code max}.
     *
     * @throws LedgerUnavailableException when it is not by then
     */
    public void awaitFresh(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!isFresh()) {
            if (System.nanoTime() > deadline) {
                throw new LedgerUnavailableException("this node's heartbeat has not been written to the ledger since "
                        + lastBeat + ": it makes no gateway call until it is (customs.ledger.outage-wait)");
            }
            try {
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerUnavailableException("interrupted while waiting for this node's heartbeat");
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes one beat (registering this node again if its row is gone).
     *
     * @return whether it was written
     */
    public boolean beat() {
        OffsetDateTime written = now();
        try {
            if (jdbc.update("update bundle_node set heartbeat_at = ? where node_id = ?", written, nodeId) == 0) {
                jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values (?, ?, ?)",
                        nodeId, written, written);
            }
        } catch (RuntimeException e) {
            LOG.warn("ledger heartbeat failed: {}", e.getMessage());
            return false;
        }
        OffsetDateTime previous = lastBeat;
        // the beat counts from when it was committed: until then other nodes saw the one before
        OffsetDateTime committed = now();
        if (!committed.isBefore(previous.plus(callWindow()))) {
            freshSince = written;
            // reported once other nodes may have taken this one for dead (the first beat may come long
            // after the node's registration, while it started: nothing to report)
            if (beats > 0 && !committed.isBefore(previous.plus(staleAfter()))) {
                LOG.warn("This node's heartbeat is written again, {} ms after the last one; claims older than that "
                        + "are checked on the ledger before any further call",
                        Duration.between(previous, committed).toMillis());
            }
        }
        lastBeat = written;
        beats++;
        return true;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        // a clean stop leaves no claims to wait for
        jdbc.update("delete from bundle_node where node_id = ?", nodeId);
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    @Override
    public int getPhase() {
        // stops after Camel (which stops at a higher phase), so that in-flight calls still count as alive
        return Integer.MIN_VALUE + 100;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
