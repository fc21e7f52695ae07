package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2IndexRepairTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void ledger() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aNodeLeftBehindByACrashHasEveryIndexRebuiltAsItWas() {
        List<String> before = indexes();
        // in memory (as here) other nodes may share the ledger: only a stale beat marks a dead one
        OffsetDateTime lastBeat = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values ('crashed', ?, ?)",
                lastBeat, lastBeat);
        jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values ('alive', ?, ?)",
                lastBeat, OffsetDateTime.now(ZoneOffset.UTC));

        H2IndexRepair.afterCrash(jdbc, Clock.systemUTC(), Duration.ofSeconds(6));

        assertThat(indexes()).isEqualTo(before).anyMatch(i -> i.startsWith("DECLARATION_GATEWAY_STATUS_IDX"));
        assertThat(jdbc.queryForList("select node_id from bundle_node", String.class)).containsExactly("alive");
    }

    /** Every index with its table and columns, as H2 describes it. */
    private List<String> indexes() {
        return jdbc.query("""
                select i.index_name, i.table_name, i.index_type_name,
                       listagg(c.column_name || ' ' || c.ordering_specification, ', ')
                           within group (order by c.ordinal_position)
                from information_schema.indexes i join information_schema.index_columns c
                  on c.index_schema = i.index_schema and c.index_name = i.index_name
                where i.table_schema = current_schema
                group by i.index_name, i.table_name, i.index_type_name order by i.index_name""",
                (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " (" + rs.getString(4)
                        + ")");
    }
}
