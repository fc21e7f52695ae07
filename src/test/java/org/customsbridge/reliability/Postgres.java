package org.customsbridge.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.customsbridge.flow.TestDatabase;

/**
 * The machine's PostgreSQL 15 as a fault test controls it: stopped and started as its administrator
 * would ({@code pg_ctlcluster}), or some clients' connections killed as in a failover.
 */
final class Postgres {

    private Postgres() {
    }

    static void stop() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "stop", "-m", "fast"));
    }

    /** Starts it and waits until it takes connections (also when it was running already). */
    static void start() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back within 60 s");
    }

    /** Kills every connection of the clients named {@code application}; how many it killed. */
    static int terminateConnections(String application) {
        try (Connection connection = connect();
             PreparedStatement kill = connection.prepareStatement(
                     "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, application);
            try (var result = kill.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot kill the connections of " + application, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty(TestDatabase.POSTGRES_URL),
                System.getProperty("customs.test.postgres-user", "postgres"), "");
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + ": no end within 90 s");
            }
            // "start" of a running cluster exits 2: the state wanted is there already
            if (process.exitValue() != 0 && !(command.contains("start") && process.exitValue() == 2)) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue()
                        + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
