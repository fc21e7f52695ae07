package org.customsbridge.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts whose outcome no one reads back (history rows, status events). Alone, each runs at once; in
 * a group of ledger writes ({@link GroupCommit}) they are held until every write of the group has run
 * and then sent as one JDBC batch per statement, in the group's transaction and in the order they were
 * made: a database server then gets the group's events in one round trip instead of one per event, and
 * what commits is the same. A batch that fails fails the group, whose writes then run alone.
 */
public class HeldInserts {

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Map<String, List<Object[]>>> held = new ThreadLocal<>();

    public HeldInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the insert now, or holds it when this thread runs a group ({@link #holdingDuring}). */
    public void insert(String sql, Object... arguments) {
        Map<String, List<Object[]>> batches = held.get();
        if (batches == null) {
            jdbc.update(sql, arguments);
        } else {
            batches.computeIfAbsent(sql, statement -> new ArrayList<>()).add(arguments);
        }
    }

    /** Runs {@code work} holding its inserts, then sends them, in the caller's transaction. */
    public void holdingDuring(Runnable work) {
        Map<String, List<Object[]>> batches = new LinkedHashMap<>();
        held.set(batches);
        try {
            work.run();
        } finally {
            held.remove();
        }
        batches.forEach(jdbc::batchUpdate);
    }
}
