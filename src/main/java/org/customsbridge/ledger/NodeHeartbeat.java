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
 */
public class NodeHeartbeat implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final String nodeId = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public NodeHeartbeat(JdbcTemplate jdbc, Clock clock, Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
        OffsetDateTime now = now();
        jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values (?, ?, ?)", nodeId, now, now);
    }

    public String nodeId() {
        return nodeId;
    }

    /** How old a node's last beat is when the node is taken for dead: three beats. */
    public Duration staleAfter() {
        return interval.multipliedBy(3);
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

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            jdbc.update("update bundle_node set heartbeat_at = ? where node_id = ?", now(), nodeId);
        } catch (RuntimeException e) {
            LOG.warn("ledger heartbeat failed: {}", e.getMessage());
        }
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
