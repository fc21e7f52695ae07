package org.customsbridge.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a dump of the ledger shows: every column of every row of every table, as text (H2 or PostgreSQL). */
public final class LedgerDump {

    private LedgerDump() {
    }

    public static String of(JdbcTemplate jdbc) {
        StringBuilder text = new StringBuilder();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where lower(table_schema) = lower(current_schema())", String.class)) {
            jdbc.queryForList("select * from \"" + table + "\"").forEach(row -> text.append(row).append('\n'));
        }
        // H2's own dump too: every statement that would rebuild the ledger
        if (jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'DECLARATION'",
                Integer.class) == 1) {
            jdbc.queryForList("script", String.class).forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
