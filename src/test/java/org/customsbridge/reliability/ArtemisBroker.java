package org.customsbridge.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import static org.awaitility.Awaitility.await;

/**
 * An Artemis broker as a process of its own, as in production: a TCP acceptor on loopback and a
 * persistent journal in a folder, so that it can be killed ({@code kill -9}) and started again with
 * the messages it had accepted. {@link #main} runs it; {@link #start} launches it with the test's
 * class path (which holds the broker's classes).
 */
final class ArtemisBroker implements AutoCloseable {

    private final Process process;

    private ArtemisBroker(Process process) {
        this.process = process;
    }

    /** Starts a broker on {@code port} with its journal under {@code folder}; returns once it accepts connections. */
    static ArtemisBroker start(int port, Path folder) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ArtemisBroker.class.getName(), Integer.toString(port),
                folder.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("broker.log").toFile())).start();
            ArtemisBroker broker = new ArtemisBroker(process);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || accepts(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker did not start; see " + folder.resolve("broker.log"));
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGKILL: no shutdown, as in a crash; the journal keeps what it had accepted. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** {@code <port> <folder>}: runs the broker until the process is killed. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("broker");
        configuration.setPersistenceEnabled(true);
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(folder.resolve("journal").toString());
        configuration.setBindingsDirectory(folder.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(folder.resolve("large-messages").toString());
        configuration.setPagingDirectory(folder.resolve("paging").toString());
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        configuration.addQueueConfiguration(QueueConfiguration.of("customs.declarations")
                .setRoutingType(RoutingType.ANYCAST));
        configuration.addQueueConfiguration(QueueConfiguration.of("customs.status").setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        Thread.currentThread().join();
    }
}
