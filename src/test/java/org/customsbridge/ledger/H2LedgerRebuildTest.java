package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2LedgerRebuildTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    private static final String DECLARATION = "insert into declaration (declaration_request_id, payment_id, gateway, "
            + "fingerprint, request_fields, status, created_at, updated_at) values (?, 'P1', 'alipay-plus', 'f', '{}', "
            + "'ACCEPTED', ?, ?)";
    private static final String HISTORY = "insert into declaration_history (declaration_request_id, to_status, at) "
            + "values (?, 'ACCEPTED', ?)";

    @TempDir
    Path folder;

    @Test
    void aNodeLeftBehindByACrashHasTheLedgerRebuiltWithEveryRowIndexAndKey() {
        JdbcTemplate jdbc = ledger("jdbc:h2:file:" + folder.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE");
        jdbc.update(DECLARATION, "R1", NOW, NOW);
        jdbc.update(HISTORY, "R1", NOW);
        crashedNode(jdbc);
        List<String> schema = schema(jdbc);

        H2LedgerRebuild.afterCrash(jdbc);

        assertThat(schema(jdbc)).isEqualTo(schema).anyMatch(i -> i.startsWith("DECLARATION_GATEWAY_STATUS_IDX"))
                .anyMatch(i -> i.contains("PRIMARY KEY")).anyMatch(i -> i.contains("FOREIGN KEY"));
        assertThat(jdbc.queryForObject("select count(*) from declaration_history h join declaration d "
                + "on d.declaration_request_id = h.declaration_request_id", Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update(DECLARATION, "R1", NOW, NOW)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update(HISTORY, "UNKNOWN", NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update(HISTORY, "R1", NOW); // the identity goes on from where it was
        assertThat(jdbc.queryForList("select id from declaration_history order by id", Long.class)).hasSize(2)
                .doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from bundle_node", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\"", Integer.class)).isPositive();
        assertThat(folder.resolve("ledger.rebuild.sql")).as("the export, once read back").doesNotExist();
    }

    @Test
    void aRebuildCutOffAfterTheLedgerWasDroppedIsFinishedAtTheNextStart() {
        JdbcTemplate jdbc = ledger("jdbc:h2:file:" + folder.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE");
        jdbc.update(DECLARATION, "R1", NOW, NOW);
        jdbc.execute("script to '" + folder.resolve("ledger.rebuild.sql") + "'");
        jdbc.execute("drop all objects"); // where the killed start stopped

        H2LedgerRebuild.afterCrash(jdbc);

        assertThat(jdbc.queryForList("select declaration_request_id from declaration", String.class))
                .containsExactly("R1");
        assertThat(folder.resolve("ledger.rebuild.sql")).doesNotExist();
    }

    @Test
    void aLedgerThatStoppedCleanlyOrIsSharedIsLeftAlone() {
        JdbcTemplate clean = ledger("jdbc:h2:file:" + folder.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE");
        clean.update(DECLARATION, "R1", NOW, NOW);
        H2LedgerRebuild.afterCrash(clean);
        assertThat(clean.queryForObject("select count(*) from declaration", Integer.class)).isEqualTo(1);

        // in memory, several nodes of one JVM may share it
        JdbcTemplate shared = ledger("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        crashedNode(shared);
        H2LedgerRebuild.afterCrash(shared);
        assertThat(shared.queryForObject("select count(*) from bundle_node", Integer.class)).isEqualTo(1);
        assertThat(H2LedgerRebuild.embeddedFile("jdbc:h2:./data/ledger")).isTrue();
        assertThat(H2LedgerRebuild.embeddedFile("jdbc:h2:file:./data/ledger;AUTO_SERVER=TRUE")).isFalse();
        assertThat(H2LedgerRebuild.embeddedFile("jdbc:h2:tcp://ledger:9092/ledger")).isFalse();
    }

    private static JdbcTemplate ledger(String url) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static void crashedNode(JdbcTemplate jdbc) {
        jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values ('crashed', ?, ?)",
                NOW.minusMinutes(1), NOW.minusMinutes(1));
    }

    /**
     * Every index with its table and columns, as H2 describes it; a constraint's index by its
     * constraint (H2 names those itself), with what the constraint references and its rules.
     */
    private static List<String> schema(JdbcTemplate jdbc) {
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
