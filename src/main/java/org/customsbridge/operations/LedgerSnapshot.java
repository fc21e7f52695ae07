package org.customsbridge.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.customsbridge.config.CustomsProperties;
import org.customsbridge.ledger.LedgerUnavailableException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ledger counts for the metrics, read at most once per {@code ttl}: every gauge of a scrape reads
 * the same snapshot, and frequent or parallel scrapers cost two small queries per ttl. Read through
 * the {@link LedgerProbe}: while the ledger does not answer, a scrape gets the last counts at once
 * (and {@code customs_ledger_reachable} says they are old) rather than waiting for the database.
 */
public class LedgerSnapshot {

    /** Declarations waiting for customs: the statuses tracking still queries. */
    static final String OPEN_STATUSES = "'ACCEPTED', 'CUSTOMS_PENDING', 'UNKNOWN'";
    /**
     * The gateway label of rows whose gateway is none of ours (an invalid record may name anything):
     * a label taken from input would give the metrics unbounded cardinality.
     */
    public static final String OTHER_GATEWAY = "other";

    private final JdbcTemplate jdbc;
    private final LedgerProbe probe;
    private final Clock clock;
    private final Duration ttl;
    private Counts counts;

    public LedgerSnapshot(JdbcTemplate jdbc, LedgerProbe probe, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.probe = probe;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Counts by gateway and status, the number of open declarations and when the oldest was created. */
    public record Counts(Instant readAt, Map<Key, Long> byGatewayAndStatus, long open, Instant oldestOpenCreatedAt) {
    }

    public record Key(String gateway, String status) {
    }

    public synchronized Counts counts() {
        Instant now = clock.instant();
        if (counts == null || !now.isBefore(counts.readAt().plus(ttl))) {
            try {
                counts = probe.read(() -> read(now));
            } catch (LedgerUnavailableException unreadable) {
                if (counts == null) {
                    counts = new Counts(now, Map.of(), 0, null);
                }
            }
        }
        return counts;
    }

    /** Seconds since the oldest open declaration was created; 0 when none is open. */
    public double oldestOpenAgeSeconds() {
        Counts current = counts();
        if (current.oldestOpenCreatedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(current.oldestOpenCreatedAt(), clock.instant()).toMillis() / 1000.0);
    }

    private Counts read(Instant now) {
        Map<Key, Long> byKey = new HashMap<>();
        jdbc.query("select gateway, status, count(*) from declaration group by gateway, status", rs -> {
            String gateway = CustomsProperties.GATEWAYS.contains(rs.getString(1)) ? rs.getString(1) : OTHER_GATEWAY;
            byKey.merge(new Key(gateway, rs.getString(2)), rs.getLong(3), Long::sum);
        });
        long[] open = {0};
        Instant[] oldest = {null};
        jdbc.query("select count(*), min(created_at) from declaration where status in (" + OPEN_STATUSES + ")", rs -> {
            open[0] = rs.getLong(1);
            OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
            oldest[0] = at == null ? null : at.toInstant();
        });
        return new Counts(now, Map.copyOf(byKey), open[0], oldest[0]);
    }
}
