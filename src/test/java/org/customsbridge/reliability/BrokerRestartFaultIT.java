package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.flow.TestLogins;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL ledger and one Artemis broker over TCP (a process of its own, with a
 * persistent journal). Orders come by JMS, status events go to a JMS queue; in the middle of the
 * batch the broker is killed ({@code kill -9}) and started again. Afterwards no order is lost and
 * none declared twice (one parameter set per id at the gateway, each accepted once in effect), the
 * intake queue is empty, and every acceptance reached the status queue, also those after the restart.
 *
 * <p>Runs only in the Maven profile {@code faults}.
 */
class BrokerRestartFaultIT {

    private static final int ORDERS = 400;
    private static final String BROKER_OPTIONS = "?reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=2"
            + "&maxRetryInterval=5000";

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path ledgerRoot;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path brokerRoot;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path nodeA;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path nodeB;

    @Test
    void theBrokerKilledAndStartedAgainMidBatchLosesNoOrderAndNoEvent() throws Exception {
        Map<String, String> ledgerSettings = TestDatabase.ledger(ledgerRoot);
        assertThat(ledgerSettings.get("spring.datasource.url")).as("runs on PostgreSQL (Maven profile faults)")
                .startsWith("jdbc:postgresql:");
        int port = BundleProcess.freePort();
        ArtemisBroker broker = ArtemisBroker.start(port, brokerRoot);
        try (Bundle gateway = Bundle.start(gatewayRoot, Map.of("customs.simulator.latency", "150ms",
                "customs.simulator.customs-delay", "2s", "customs.tracking.poll-interval", "1d",
                "spring.datasource.url", "jdbc:h2:file:" + gatewayRoot.resolve("ledger").toAbsolutePath(),
                "spring.datasource.username", "sa", "spring.datasource.password", ""));
             BundleProcess a = startNode(nodeA, gateway.port(), ledgerSettings, port);
             BundleProcess b = startNode(nodeB, gateway.port(), ledgerSettings, port)) {
            JdbcTemplate ledger = BundleProcess.ledger(ledgerSettings);
            send(port);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                    ledger.queryForObject("select count(*) from declaration where status <> 'DECLARING'",
                            Integer.class) >= 100);
            broker.kill();
            Thread.sleep(5000);
            broker = ArtemisBroker.start(port, brokerRoot);

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    ledger.queryForObject("select count(*) from declaration where status in " + DeclaredOnce.ACCEPTED,
                            Integer.class) == ORDERS);
            DeclaredOnce.assertLedgerAndGateway(ledger, gateway, ORDERS);
            Set<String> accepted = Collections.synchronizedSet(new java.util.HashSet<>());
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                accepted.addAll(acceptedEvents(port));
                return accepted.size() == ORDERS;
            });
            assertThat(remaining(port, "customs.declarations")).as("no order left on the intake queue").isZero();
            assertThat(a.log() + b.log()).as("no event parked").doesNotContain("parked in the dead-letter file");
            Map<String, Long> callsById = gateway.journal().entries("alipay-plus.declare").stream()
                    .collect(Collectors.groupingBy(SimulatorJournal.Entry::id, Collectors.counting()));
            assertThat(callsById).hasSize(ORDERS);
        } finally {
            broker.close();
        }
    }

    private BundleProcess startNode(Path root, int gatewayPort, Map<String, String> ledgerSettings, int brokerPort) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, root);
        properties.putAll(ledgerSettings);
        properties.putAll(TestLogins.properties());
        properties.put("spring.artemis.mode", "native");
        properties.put("spring.artemis.embedded.enabled", "false");
        properties.put("spring.artemis.broker-url", "tcp://127.0.0.1:" + brokerPort + BROKER_OPTIONS);
        properties.put("customs.cluster.enabled", "true");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("customs.tracking.poll-interval", "1s");
        properties.put("customs.sinks", "jms");
        properties.put("customs.sinks.poll-delay", "200ms");
        return BundleProcess.start("512m", properties, Map.of(), root.resolve("bundle.log"));
    }

    private static void send(int port) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             JMSContext jms = factory.createContext()) {
            var queue = jms.createQueue("customs.declarations");
            var producer = jms.createProducer();
            for (int i = 1; i <= ORDERS; i++) {
                producer.send(queue, """
                        {"declarationRequestId":"MQ-%06d","paymentId":"PAY-MQ-%06d","customsCode":"ZONGSHU","amount":"%d.00"}"""
                        .formatted(i, i, i % 500 + 1));
            }
        }
    }

    /** The ids of the ACCEPTED events on the status queue, taken off it. */
    private static Set<String> acceptedEvents(int port) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(
                     jms.createQueue("customs.status"))) {
            for (Message message; (message = consumer.receive(500)) != null; ) {
                String event = ((TextMessage) message).getText();
                if (event.contains("\"status\":\"ACCEPTED\"")) {
                    ids.add(event.replaceAll("(?s).*\"declarationRequestId\":\"([^\"]+)\".*", "$1"));
                }
            }
        }
        return ids;
    }

    private static int remaining(int port, String queue) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             JMSContext jms = factory.createContext()) {
            var browser = jms.createBrowser(jms.createQueue(queue));
            return Collections.list(browser.getEnumeration()).size();
        }
    }
}
