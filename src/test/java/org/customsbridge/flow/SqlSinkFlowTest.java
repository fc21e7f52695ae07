package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.customsbridge.testsupport.Failures.messages;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Sink type "sql": status events written into an ERP table by a configured statement. */
class SqlSinkFlowTest {

    private static final String STATEMENT = "insert into erp_customs_status (order_no, status, previous_status, "
            + "reason, at) values (:#declarationRequestId, :#status, :#previousStatus, :#message, :#at)";

    @TempDir
    Path root;

    @Test
    void everyStatusChangeBecomesARowInTheErpTable() {
        try (Bundle bundle = Bundle.start(root, Map.of("customs.sinks", "file,erp-db",
                "customs.sinks.erp-db.type", "sql", "customs.sinks.erp-db.statement", STATEMENT))) {
            JdbcTemplate jdbc = bundle.jdbc();
            jdbc.execute("create table erp_customs_status (order_no varchar(64), status varchar(20), "
                    + "previous_status varchar(20), reason varchar(1000), at varchar(40))");
            Inbox inbox = Inbox.under(root);
            inbox.drop("orders.csv", Inbox.csv("SQL-000001,PAY-S-1,10.00", "SQL-000002,PAY-S-2,1.001"));
            inbox.awaitResults("orders.csv");

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from erp_customs_status", Integer.class) == 2);
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select order_no, status, previous_status, reason from erp_customs_status order by order_no");
            assertThat(rows.get(0)).containsEntry("ORDER_NO", "SQL-000001").containsEntry("STATUS", "ACCEPTED");
            assertThat(rows.get(0).get("PREVIOUS_STATUS")).isNull();
            assertThat(rows.get(1)).containsEntry("ORDER_NO", "SQL-000002").containsEntry("STATUS", "INVALID");
            assertThat((String) rows.get(1).get("REASON")).contains("at most 2 decimals");
        }
    }

    @Test
    void theErpsOwnDatabaseIsWrittenThroughASmallPoolOfItsOwn() throws Exception {
        String url = "jdbc:h2:mem:erp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection erp = DriverManager.getConnection(url, "erp", "erp-secret")) {
            erp.createStatement().execute("create table erp_customs_status (order_no varchar(64), status varchar(20), "
                    + "previous_status varchar(20), reason varchar(1000), at varchar(40))");
            try (Bundle bundle = Bundle.start(root, Map.of("customs.sinks", "erp-db",
                    "customs.sinks.erp-db.type", "sql", "customs.sinks.erp-db.statement", STATEMENT,
                    "customs.sinks.erp-db.url", url, "customs.sinks.erp-db.username", "erp",
                    "customs.sinks.erp-db.password", "erp-secret"))) {
                Inbox inbox = Inbox.under(root);
                inbox.drop("own-db.csv", Inbox.csv("SQL-000011,PAY-S-11,10.00"));
                inbox.awaitResults("own-db.csv");

                JdbcTemplate erpJdbc = new JdbcTemplate(new SingleConnectionDataSource(
                        erp, true));
                await().atMost(Duration.ofSeconds(30)).until(() -> erpJdbc.queryForObject(
                        "select count(*) from erp_customs_status where order_no = 'SQL-000011'", Integer.class) == 1);
                assertThat(bundle.jdbc().queryForObject("select count(*) from information_schema.tables where "
                        + "lower(table_name) = 'erp_customs_status' and table_schema = current_schema", Integer.class)).isZero();
                Object pool = bundle.bean(CamelContext.class).getRegistry()
                        .lookupByName("statusSinkerpdbDataSource");
                assertThat(pool).isInstanceOfSatisfying(HikariDataSource.class,
                        hikari -> assertThat(hikari.getMaximumPoolSize()).isEqualTo(2));
            }
        }
    }

    @Test
    void aStatementNamingAnUnknownFieldStopsStartUp() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.sinks", "erp-db",
                "customs.sinks.erp-db.type", "sql",
                "customs.sinks.erp-db.statement", "insert into t (a) values (:#orderNumber)")))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.startsWith(
                        "customs.sinks.erp-db.statement: names orderNumber, which is not a status event field")));
    }
}
