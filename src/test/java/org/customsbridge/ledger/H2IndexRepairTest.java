package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
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

        assertThat(indexes()).isEqualTo(before).anyMatch(i -> i.startsWith("DECLARATION_GATEWAY_STATUS_IDX"))
                .anyMatch(i -> i.contains("PRIMARY KEY")).anyMatch(i -> i.contains("FOREIGN KEY"));
        assertThat(jdbc.queryForList("select node_id from bundle_node", String.class)).containsExactly("alive");
    }

    @Test
    void theRebuiltKeysStillHoldTheRowsAndStillRefuseWhatTheyRefusedBefore() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String declaration = "insert into declaration (declaration_request_id, payment_id, gateway, fingerprint, "
                + "request_fields, status, created_at, updated_at) values (?, 'P1', 'ALIPAY_PLUS', 'f', '{}', "
                + "'ACCEPTED', ?, ?)";
        String history = "insert into declaration_history (declaration_request_id, to_status, at) values (?, 'NEW', ?)";
        jdbc.update(declaration, "R1", now, now);
        jdbc.update(history, "R1", now);
        jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values ('crashed', ?, ?)",
                now.minusMinutes(1), now.minusMinutes(1));

        H2IndexRepair.afterCrash(jdbc, Clock.systemUTC(), Duration.ofSeconds(6));

        assertThat(jdbc.queryForObject("select count(*) from declaration_history h join declaration d "
                + "on d.declaration_request_id = h.declaration_request_id", Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update(declaration, "R1", now, now)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(history, "UNKNOWN", now))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update(history, "R1", now); // the identity goes on from where it was
        assertThat(jdbc.queryForList("select id from declaration_history order by id", Long.class)).hasSize(2)
                .doesNotHaveDuplicates();
    }

    /**
     * Every index with its table and columns, as H2 describes it; a constraint's index by its
     * constraint (H2 names those itself), with what the constraint references and its rules.
     */
    private List<String> indexes() {
        return jdbc.query("""
                select name, table_name, index_type_name, columns, unique_constraint_name, update_rule, delete_rule
                from (select coalesce(t.constraint_name || ' ' || t.constraint_type, i.index_name) name, i.table_name,
                             i.index_type_name,
                             listagg(c.column_name || ' ' || c.ordering_specification, ', ')
                                 within group (order by c.ordinal_position) columns,
                             r.unique_constraint_name, r.update_rule, r.delete_rule
                      from information_schema.indexes i join information_schema.index_columns c
                        on c.index_schema = i.index_schema and c.index_name = i.index_name
                      left join information_schema.table_constraints t
                        on t.index_schema = i.index_schema and t.index_name = i.index_name
                      left join information_schema.referential_constraints r
                        on r.constraint_schema = t.constraint_schema and r.constraint_name = t.constraint_name
                      where i.table_schema = current_schema
                      group by t.constraint_name, t.constraint_type, i.index_name, i.table_name, i.index_type_name,
                               r.unique_constraint_name, r.update_rule, r.delete_rule)
                order by name, table_name""",
                (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " (" + rs.getString(4)
                        + ") " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7));
    }
}
