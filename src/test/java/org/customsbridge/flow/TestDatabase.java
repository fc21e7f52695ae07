package org.customsbridge.flow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledger a test bundle uses: an H2 file under the test's folder, or, when the suite runs with
 * {@code -Dcustoms.test.postgres-url=jdbc:postgresql://...} (Maven profile {@code postgres}), a
 * schema of its own in that PostgreSQL database, dropped when the test run ends.
 */
public final class TestDatabase {

    public static final String POSTGRES_URL = "customs.test.postgres-url";
    private static final String RUN = "cbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Map<Path, Map<String, String>> BY_ROOT = new ConcurrentHashMap<>();
    private static final List<String> SCHEMAS = new CopyOnWriteArrayList<>();

    private TestDatabase() {
    }

    /** The ledger's database as health and preflight name it: PostgreSQL when the suite runs on it, else H2. */
    public static String productName() {
        return onPostgres() ? "PostgreSQL" : "H2";
    }

    /** Whether the suite runs on PostgreSQL ({@code customs.test.postgres-url} set), not H2. */
    public static boolean onPostgres() {
        return postgresUrl() != null;
    }

    /** The PostgreSQL the suite runs on ({@code customs.test.postgres-url}), or null for H2. */
    private static String postgresUrl() {
        String postgres = System.getProperty(POSTGRES_URL);
        return postgres == null || postgres.isBlank() ? null : postgres;
    }

    /** Datasource properties for the bundle under {@code root}; the same root gets the same ledger. */
    public static Map<String, String> ledger(Path root) {
        return BY_ROOT.computeIfAbsent(root, TestDatabase::create);
    }

    private static Map<String, String> create(Path root) {
        Map<String, String> properties = new LinkedHashMap<>();
        String postgres = postgresUrl();
        if (postgres == null) {
            properties.put("spring.datasource.url", "jdbc:h2:file:" + root.resolve("ledger").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
            return properties;
        }
        String schema = RUN + "_" + (SCHEMAS.size() + 1);
        execute(postgres, "create schema " + schema);
        SCHEMAS.add(schema);
        properties.put("spring.datasource.url", postgres + (postgres.contains("?") ? "&" : "?")
                + "currentSchema=" + schema);
        properties.put("spring.datasource.username", System.getProperty("customs.test.postgres-user", "postgres"));
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /** Drops every schema this run created. */
    static void dropSchemas() {
        String postgres = postgresUrl();
        for (String schema : SCHEMAS) {
            execute(postgres, "drop schema if exists " + schema + " cascade");
        }
        SCHEMAS.clear();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url,
                System.getProperty("customs.test.postgres-user", "postgres"), "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + ": " + e.getMessage(), e);
        }
    }
}
