package org.customsbridge.ledger;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds an embedded H2 ledger after a crash from an export of its rows. H2 (2.3) can come back
 * from a killed process with a table and its indexes out of step — seen after SIGKILL as "Row not
 * found when trying to delete from index" (90112), "Row not found in primary index" (90143) and
 * "Concurrent update in table" on an insert, which H2 often reports as a lock timeout — and every
 * later change of an affected row then fails. Rebuilding the indexes alone did not cover every
 * case, so the whole database is written out with {@code SCRIPT} and read back into fresh tables.
 *
 * <p>A bundle that stops cleanly deletes its row in {@code bundle_node}; a row found there at the
 * start says the last run crashed. The export is kept next to the database until it has been read
 * back, so a start killed during the rebuild finishes it at the next start. Only an embedded file
 * database is rebuilt: it is open in this process alone. PostgreSQL, and H2 behind a server that
 * other nodes may be using, are left alone.
 */
public final class H2LedgerRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(H2LedgerRebuild.class);

    private H2LedgerRebuild() {
    }

    /** Runs before this node registers: every node row then is a dead process's. */
    public static void afterCrash(JdbcTemplate jdbc) {
        jdbc.execute((Connection connection) -> {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())
                    || !embeddedFile(connection.getMetaData().getURL())) {
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                rebuildIfCrashed(statement);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static void rebuildIfCrashed(Statement statement) throws SQLException, IOException {
        Path database = Path.of(value(statement, "select database_path()"));
        Path export = database.resolveSibling(database.getFileName() + ".rebuild.sql");
        Path raw = database.resolveSibling(database.getFileName() + ".rebuild.sql.part");
        Path reordered = database.resolveSibling(database.getFileName() + ".rebuild.sql.next");
        // an export cut off before the database was touched
        Files.deleteIfExists(raw);
        Files.deleteIfExists(reordered);
        if (Files.exists(export)) {
            LOG.warn("the last start was stopped while it rebuilt the H2 ledger: finishing the rebuild from {}", export);
        } else {
            int dead = Integer.parseInt(value(statement, "select count(*) from bundle_node"));
            if (dead == 0) {
                return;
            }
            LOG.warn("the last run did not stop cleanly ({} node(s) left in bundle_node): rebuilding the H2 ledger "
                    + "from an export of its rows, since a killed H2 can leave its indexes out of step with its "
                    + "tables", dead);
            statement.execute("script to " + literal(raw.toString()));
            indexesLast(raw, reordered);
            Files.move(reordered, export, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(raw);
        }
        statement.execute("drop all objects");
        statement.execute("runscript from " + literal(export.toString()));
        statement.execute("delete from bundle_node");
        Files.delete(export);
        LOG.warn("the H2 ledger is rebuilt");
    }

    /**
     * Moves the script's {@code CREATE INDEX} statements after its data and constraints, as the
     * migrations have them: a foreign key added after an index on its columns would take that index
     * over instead of having its own (and a later migration could then not drop the index). H2 writes
     * one statement per line start (control characters in strings are escaped), so lines suffice.
     */
    private static void indexesLast(Path script, Path reordered) throws IOException {
        List<String> indexes = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(reordered, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("CREATE INDEX ")) {
                    indexes.add(line);
                } else {
                    out.write(line);
                    out.newLine();
                }
            }
            for (String index : indexes) {
                out.write(index);
                out.newLine();
            }
        }
    }

    /** {@code jdbc:h2:file:...} or {@code jdbc:h2:<path>}: not in memory, not behind a server. */
    static boolean embeddedFile(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:")
                && !upper.startsWith("JDBC:H2:SSL:") && !upper.contains(";AUTO_SERVER=TRUE");
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (var rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
