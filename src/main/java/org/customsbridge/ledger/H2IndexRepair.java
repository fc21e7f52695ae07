package org.customsbridge.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the indexes of an embedded H2 ledger after a crash. H2 can come back from a killed
 * process with a table's rows and one of its indexes out of step (seen after SIGKILL: "Row not
 * found when trying to delete from index", error 90112, and, in a primary key's index,
 * "Concurrent update in table" on an insert; H2 reports both as a lock timeout); every later
 * update of such a row then fails. A bundle that stops cleanly deletes its row in
 * {@code bundle_node}; a dead node's row found at the start says the last run crashed, and every
 * index is then rebuilt from the tables before anything uses them: the constraints' indexes by
 * dropping and adding the constraints again (foreign keys first, since they hold on to the keys
 * they reference), the others by dropping and creating them. PostgreSQL is left alone.
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
        // every definition is read before the first is dropped
        List<Rebuild> keys = keys(jdbc);
        List<Rebuild> foreignKeys = foreignKeys(jdbc);
        List<Rebuild> indexes = plainIndexes(jdbc);
        LOG.warn("the last run did not stop cleanly ({} node(s) left in bundle_node): rebuilding the {} keys, {} "
                + "foreign keys and {} indexes of the H2 ledger, which a killed H2 can leave out of step with its "
                + "tables", dead, keys.size(), foreignKeys.size(), indexes.size());
        // the order of the migrations: a foreign key added after a plain index on its columns would take that
        // index over instead of having its own
        foreignKeys.forEach(foreignKey -> jdbc.execute(foreignKey.drop()));
        keys.forEach(key -> jdbc.execute(key.drop()));
        indexes.forEach(index -> jdbc.execute(index.drop()));
        keys.forEach(key -> jdbc.execute(key.create()));
        foreignKeys.forEach(foreignKey -> jdbc.execute(foreignKey.create()));
        indexes.forEach(index -> jdbc.execute(index.create()));
        jdbc.update("delete from bundle_node where heartbeat_at < ?", before);
    }

    /** The statements that drop one index or constraint and create it again as it was. */
    record Rebuild(String drop, String create) {
    }

    private static List<Rebuild> keys(JdbcTemplate jdbc) {
        return jdbc.query("""
                select t.table_name, t.constraint_name, t.constraint_type,
                       listagg('"' || replace(k.column_name, '"', '""') || '"', ', ')
                           within group (order by k.ordinal_position)
                from information_schema.table_constraints t join information_schema.key_column_usage k
                  on k.constraint_schema = t.constraint_schema and k.constraint_name = t.constraint_name
                where t.table_schema = current_schema and t.constraint_type in ('PRIMARY KEY', 'UNIQUE')
                group by t.table_name, t.constraint_name, t.constraint_type
                order by t.table_name, t.constraint_name""",
                (rs, row) -> {
                    String table = quoted(rs.getString(1));
                    String constraint = quoted(rs.getString(2));
                    return new Rebuild("alter table " + table + " drop constraint " + constraint,
                            "alter table " + table + " add constraint " + constraint + " " + rs.getString(3) + " ("
                                    + rs.getString(4) + ")");
                });
    }

    private static List<Rebuild> foreignKeys(JdbcTemplate jdbc) {
        return jdbc.query("""
                select t.table_name, t.constraint_name, u.table_name,
                       listagg('"' || replace(k.column_name, '"', '""') || '"', ', ')
                           within group (order by k.ordinal_position),
                       listagg('"' || replace(u.column_name, '"', '""') || '"', ', ')
                           within group (order by k.ordinal_position),
                       r.update_rule, r.delete_rule
                from information_schema.table_constraints t
                join information_schema.referential_constraints r
                  on r.constraint_schema = t.constraint_schema and r.constraint_name = t.constraint_name
                join information_schema.key_column_usage k
                  on k.constraint_schema = t.constraint_schema and k.constraint_name = t.constraint_name
                join information_schema.key_column_usage u
                  on u.constraint_schema = r.unique_constraint_schema
                 and u.constraint_name = r.unique_constraint_name
                 and u.ordinal_position = k.position_in_unique_constraint
                where t.table_schema = current_schema and t.constraint_type = 'FOREIGN KEY'
                group by t.table_name, t.constraint_name, u.table_name, r.update_rule, r.delete_rule
                order by t.table_name, t.constraint_name""",
                (rs, row) -> {
                    String table = quoted(rs.getString(1));
                    String constraint = quoted(rs.getString(2));
                    return new Rebuild("alter table " + table + " drop constraint " + constraint,
                            "alter table " + table + " add constraint " + constraint + " foreign key ("
                                    + rs.getString(4) + ") references " + quoted(rs.getString(3)) + " ("
                                    + rs.getString(5) + ") on update " + rs.getString(6) + " on delete "
                                    + rs.getString(7));
                });
    }

    /** Indexes of their own; a constraint's index goes and comes with its constraint. */
    private static List<Rebuild> plainIndexes(JdbcTemplate jdbc) {
        return jdbc.query("""
                select i.table_name, i.index_name,
                       listagg('"' || replace(c.column_name, '"', '""') || '" ' || c.ordering_specification, ', ')
                           within group (order by c.ordinal_position)
                from information_schema.indexes i join information_schema.index_columns c
                  on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = current_schema and i.index_type_name = 'INDEX'
                  and not exists (select 1 from information_schema.table_constraints t
                                  where t.index_schema = i.index_schema and t.index_name = i.index_name)
                group by i.table_name, i.index_name
                order by i.table_name, i.index_name""",
                (rs, row) -> {
                    String index = quoted(rs.getString(2));
                    return new Rebuild("drop index " + index,
                            "create index " + index + " on " + quoted(rs.getString(1)) + " (" + rs.getString(3)
                                    + ")");
                });
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
