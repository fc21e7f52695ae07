package org.customsbridge.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the indexes of an embedded H2 ledger after a crash. H2 can come back from a killed
 * process with a table's rows and one of its secondary indexes out of step (seen after SIGKILL:
 * "Row not found when trying to delete from index", error 90112, which H2 reports as a lock
 * timeout); every later update of such a row then fails. A bundle that stops cleanly deletes its
 * row in {@code bundle_node}; a dead node's row found at the start says the last run crashed, and
 * the indexes are then rebuilt from the tables before anything uses them. PostgreSQL is left alone.
 */
public final class H2IndexRepair {

    private static final Logger LOG = LoggerFactory.getLogger(H2IndexRepair.class);

    private H2IndexRepair() {
    }

    /** Runs before this node registers: every node row then is another process's. */
    public static void afterCrash(JdbcTemplate jdbc, Clock clock, Duration staleAfter) {
        String[] database = jdbc.execute((java.sql.Connection c) -> new String[] {
                c.getMetaData().getDatabaseProductName(), c.getMetaData().getURL().toUpperCase(Locale.ROOT)});
        if (database == null || !"H2".equals(database[0])) {
            return;
        }
        String url = database[1];
        // an embedded file is open in one process only, so every row is a dead node's; behind an H2 server,
        // or in memory shared within a JVM, other nodes may be alive, and only stale beats count
        boolean othersMayBeAlive = url.contains("AUTO_SERVER=TRUE") || url.startsWith("JDBC:H2:TCP:")
                || url.startsWith("JDBC:H2:SSL:") || url.startsWith("JDBC:H2:MEM:");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime before = othersMayBeAlive ? now.minus(staleAfter) : now.plusYears(1);
        Integer dead = jdbc.queryForObject("select count(*) from bundle_node where heartbeat_at < ?", Integer.class,
                before);
        if (dead == null || dead == 0) {
            return;
        }
        List<String[]> indexes = jdbc.query("""
                select i.table_name, i.index_name from information_schema.indexes i
                where i.table_schema = current_schema and i.index_type_name = 'INDEX'
                  and not exists (select 1 from information_schema.table_constraints c
                                  where c.index_schema = i.index_schema and c.index_name = i.index_name)
                order by i.table_name, i.index_name""",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)});
        LOG.warn("the last run did not stop cleanly ({} node(s) left in bundle_node): rebuilding the {} indexes "
                + "of the H2 ledger, which a killed H2 can leave out of step with its tables", dead, indexes.size());
        for (String[] index : indexes) {
            String columns = jdbc.query("""
                    select column_name, ordering_specification from information_schema.index_columns
                    where table_schema = current_schema and index_name = ? order by ordinal_position""",
                    (rs, row) -> quoted(rs.getString(1)) + " " + rs.getString(2), index[1])
                    .stream().collect(Collectors.joining(", "));
            jdbc.execute("drop index " + quoted(index[1]));
            jdbc.execute("create index " + quoted(index[1]) + " on " + quoted(index[0]) + " (" + columns + ")");
        }
        jdbc.update("delete from bundle_node where heartbeat_at < ?", before);
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
