package org.customsbridge.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customsbridge.flow.FlowTestProperties;
import org.customsbridge.flow.Http;

/**
 * The real jar ({@code target/customs-bridge.jar}) started as a user starts it, as a child process
 * with a small heap, its output in a log file, its settings as command-line arguments and, if given,
 * environment variables.
 */
final class BundleProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Http http;

    private BundleProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.http = new Http(port);
    }

    /**
     * Starts the jar with {@code -Xmx<heap>} on a free port and waits until it reports UP. An
     * OutOfMemoryError ends the process, so that "still up" also means "the heap was enough".
     */
    static BundleProcess start(String heap, Map<String, String> properties, Map<String, String> environment,
                               Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-jar", Path.of("target/customs-bridge.jar").toAbsolutePath().toString(),
                "--server.port=" + port));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            BundleProcess bundle = new BundleProcess(builder.start(), log, port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !bundle.process.isAlive() || bundle.isUp());
            if (!bundle.process.isAlive()) {
                throw new IllegalStateException("the bundle did not start; its log:\n" + bundle.log());
            }
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code /actuator/health} answers UP. */
    boolean isUp() {
        try {
            Http.Answer health = get("/actuator/health");
            return health.status() == 200 && health.body().contains("\"status\":\"UP\"");
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    Http.Answer get(String path) {
        return http.get(path);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the bundle as an operator does (SIGTERM) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Folders, ledger and fast polling for a bundle under {@code root} (as the flow tests), tracking once a day. */
    static Map<String, String> settings(Path root) {
        Map<String, String> properties = new LinkedHashMap<>(FlowTestProperties.of(root));
        properties.put("customs.tracking.poll-interval", "1d");
        return properties;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
