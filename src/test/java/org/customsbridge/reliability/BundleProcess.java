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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.customsbridge.flow.FlowTestProperties;
import org.customsbridge.flow.Http;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real jar ({@code target/customs-bridge.jar}) started as an operator starts it: a child process
 * with its own heap, its output in a log file, its settings as command-line arguments and, if given,
 * environment variables. Simulated Alipay runs in the test's JVM, so it outlives every crash and sees
 * every call.
 */
public final class BundleProcess implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 3;

    /** Every bundle this JVM started; those still running when it ends are killed. */
    private static final Set<Process> LAUNCHED = ConcurrentHashMap.newKeySet();

    static {
        // a test JVM that ends without closing a bundle (a fork timed out, an error in a finally block)
        // must not leave it running: it would hold its ports and database connections for the next suite
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LAUNCHED.forEach(Process::destroyForcibly),
                "bundle-process-reaper"));
    }

    private final Process process;
    private final Path log;
    private final Http http;

    private BundleProcess(Process process, Path log, Http http) {
        this.process = process;
        this.log = log;
        this.http = http;
    }

    /**
     * Starts the jar with {@code -Xmx<heap>} on a free port and waits until it reports UP. An
     * OutOfMemoryError ends the process, so that "still up" also means "the heap was enough". A port
     * found free can be taken before the bundle binds it (by any outgoing connection of this machine),
     * so a start that fails on "already in use" is made again on another port.
     */
    public static BundleProcess start(String heap, Map<String, String> properties, Map<String, String> environment,
                               Path log) {
        for (int attempt = 1; ; attempt++) {
            BundleProcess bundle = startOnFreePort(heap, properties, environment, log);
            if (bundle.process.isAlive()) {
                return bundle;
            }
            String output = bundle.log();
            if (attempt == PORT_ATTEMPTS || !output.contains("was already in use")) {
                throw new IllegalStateException("the bundle did not start; its log:\n" + output);
            }
        }
    }

    private static BundleProcess startOnFreePort(String heap, Map<String, String> properties,
                                                 Map<String, String> environment, Path log) {
        int port = freePort();
        Map<String, String> withPort = new LinkedHashMap<>(properties);
        withPort.put("server.port", Integer.toString(port));
        BundleProcess bundle = launch(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), withPort, environment,
                log, new Http(port));
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !bundle.process.isAlive() || bundle.isUp());
        } catch (RuntimeException notUpInTime) {
            // the caller never gets the handle to close: a bundle left running would outlive the test
            bundle.process.destroyForcibly();
            throw new IllegalStateException("the bundle was not UP within 120 s; its log ends:\n"
                    + tail(bundle.log()), notUpInTime);
        }
        return bundle;
    }

    /** Starts {@code java -jar target/customs-bridge.jar --name=value...}, logging to {@code <logFolder>/<name>.log}. */
    static BundleProcess start(Path logFolder, String name, Map<String, String> properties) {
        return launch(List.of("-Xmx512m"), properties, Map.of(), logFolder.resolve(name + ".log"), null);
    }

    private static BundleProcess launch(List<String> jvmOptions, Map<String, String> properties,
                                        Map<String, String> environment, Path log, Http http) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", Path.of("target/customs-bridge.jar").toAbsolutePath().toString()));
        properties.forEach((property, value) -> command.add("--" + property + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            LAUNCHED.add(process);
            process.onExit().thenAccept(LAUNCHED::remove);
            return new BundleProcess(process, log, http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The properties that point a bundle at the simulator of the test bundle under {@code gatewayRoot}
     * (its demo keys) and give it its own folders under {@code root}; its ledger is added by the caller.
     */
    static Map<String, String> against(int gatewayPort, Path gatewayRoot, Path root) {
        return new LinkedHashMap<>(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("customs.simulator.enabled", "false"),
                Map.entry("customs.alipay-plus.endpoint", "http://127.0.0.1:" + gatewayPort),
                Map.entry("customs.alipay-plus.client-id", "SANDBOX_5Y00000000001"),
                Map.entry("customs.alipay-plus.private-key", "file:" + gatewayRoot.resolve("keys/merchant-private.pem")),
                Map.entry("customs.alipay-plus.alipay-public-key", "file:" + gatewayRoot.resolve("keys/alipay-public.pem")),
                Map.entry("customs.ledger.encryption-key", "file:" + gatewayRoot.resolve("keys/ledger-encryption.key")),
                Map.entry("customs.inbox", root.resolve("inbox").toString()),
                Map.entry("customs.outbox", root.resolve("outbox").toString()),
                Map.entry("customs.merchant.customs-code", "hanguo"),
                Map.entry("customs.merchant.customs-name", "jwyhanguo_card"),
                Map.entry("customs.intake.file.poll-delay", "100ms"),
                Map.entry("customs.intake.file.stable-for", "200ms"),
                Map.entry("customs.retry.delay", "200ms"),
                Map.entry("customs.node.heartbeat-interval", "500ms"),
                Map.entry("spring.artemis.embedded.data-directory", root.resolve("artemis").toString())));
    }

    /** Folders, ledger and fast polling for a bundle under {@code root} (as the flow tests), tracking once a day. */
    public static Map<String, String> settings(Path root) {
        Map<String, String> properties = new LinkedHashMap<>(FlowTestProperties.of(root));
        properties.put("customs.tracking.poll-interval", "1d");
        return properties;
    }

    /** A client of the ledger described by these {@code spring.datasource.*} properties. */
    static JdbcTemplate ledger(Map<String, String> datasource) {
        return new JdbcTemplate(new DriverManagerDataSource(datasource.get("spring.datasource.url"),
                datasource.getOrDefault("spring.datasource.username", "sa"),
                datasource.getOrDefault("spring.datasource.password", "")));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** {@code /actuator/health} answers UP (a bundle started on a port of the test's choosing). */
    boolean isUp() {
        try {
            Http.Answer health = get("/actuator/health");
            return health.status() == 200 && health.body().contains("\"status\":\"UP\"");
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    Http.Answer get(String path) {
        if (http == null) {
            throw new IllegalStateException("started on a port of its own choosing (server.port=0)");
        }
        return http.get(path);
    }

    void awaitLog(String text) {
        await().atMost(Duration.ofSeconds(90)).until(() -> log().contains(text));
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an operator or Kubernetes stops it; whether it exited within {@code timeout}. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the bundle as an operator does (SIGTERM), killing it if it does not exit within a minute. */
    @Override
    public void close() {
        try {
            if (!stop(Duration.ofSeconds(60))) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String log) {
        return log.length() <= 20_000 ? log : log.substring(log.length() - 20_000);
    }
}
