package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.jms.JMSContext;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.events.StatusEventOutbox;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestDatabase;
import org.customsbridge.simulator.DemoKeys;
import org.customsbridge.simulator.SimulatedDeclarations;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the real jar (separate JVMs) share one PostgreSQL ledger and one Artemis broker
 * (served by this test on a loopback TCP port), as two nodes of a cluster: 1,000 JMS messages are
 * consumed by both, a file of 200 records (half of them ids that also come by JMS) is dropped at the
 * second, and the first is killed (SIGKILL) in the middle. The second finishes everything. At the
 * simulated Alipay: every id declared once in effect with one parameter set, a second call only for
 * what the dead node had in flight; tracking polls never overlap across the nodes (Quartz cluster).
 * Runs with -Ppostgres only: H2 (a file of one JVM) cannot be shared.
 */
class TwoNodesIT {

    private static final int JMS_RECORDS = 1000;
    private static final int FILE_FIRST = 901;
    private static final int FILE_LAST = 1100;
    private static final int IDS = FILE_LAST;
    private static final int CONSUMERS = 4;

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path ledgerRoot;

    @TempDir
    Path brokerRoot;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path nodeA;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path nodeB;

    @Test
    void twoNodesShareTheWorkAndOneFinishesWhatTheOtherLeftWhenKilled() throws Exception {
        Assumptions.assumeTrue(System.getProperty(TestDatabase.POSTGRES_URL) != null,
                "two nodes need a shared PostgreSQL ledger: run with -Ppostgres");
        int brokerPort = freePort();
        int gatewayPort = freePort();
        EmbeddedActiveMQ broker = broker(brokerPort);
        // the simulator's keys first, so that the first node can start while the simulator does
        DemoKeys.in(gatewayRoot.resolve("keys"));
        BundleProcess a = startNode(nodeA, "node-a", gatewayPort, brokerPort);
        BundleProcess b = null;
        try (Bundle gateway = Bundle.start(gatewayRoot, Map.of("server.port", Integer.toString(gatewayPort),
                "customs.simulator.latency", "20ms", "customs.simulator.customs-delay", "5s",
                "customs.tracking.poll-interval", "1d",
                // the simulator's own ledger on H2: two nodes' pools on PostgreSQL are enough for its connection limit
                "spring.datasource.url", "jdbc:h2:file:" + gatewayRoot.resolve("ledger").toAbsolutePath(),
                "spring.datasource.username", "sa", "spring.datasource.password", ""))) {
            // one after the other: the first start of a cluster creates its schedules in the ledger
            a.awaitLog("Started CustomsBridgeApplication");
            b = startNode(nodeB, "node-b", gatewayPort, brokerPort);
            b.awaitLog("Started CustomsBridgeApplication");

            send(brokerPort);
            Inbox inboxB = Inbox.under(nodeB);
            inboxB.drop("orders.csv", fileOrders());

            JdbcTemplate ledger = BundleProcess.ledger(TestDatabase.ledger(ledgerRoot));
            await().atMost(Duration.ofSeconds(90)).until(() -> ledger.queryForObject(
                    "select count(*) from declaration where status <> 'DECLARING'", Integer.class) >= 300);
            a.kill();
            Instant killedAt = Instant.now();

            Queue intake = broker.getActiveMQServer().locateQueue("customs.declarations");
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    intake.getMessageCount() == 0
                            && inboxB.results("orders.csv").toFile().exists()
                            && ledger.queryForObject("select count(*) from declaration where status = 'CUSTOMS_ACCEPTED'",
                                    Integer.class) == IDS);
            List<CSVRecord> rows = inboxB.awaitResults("orders.csv");
            // a sink's schedule held by the killed node moves to the other once the Quartz cluster has
            // taken that node for dead (missed check-ins, 7.5 s each) and the trigger has fired again
            await().atMost(Duration.ofSeconds(90)).until(() -> acceptedEvents() >= IDS);
            b.stop(Duration.ofSeconds(60));
            long acceptedEvents = acceptedEvents();

            SimulatorJournal journal = gateway.journal();
            List<SimulatorJournal.Entry> declares = journal.entries("alipay-plus.declare");
            Map<String, Set<String>> requestsById = declares.stream().collect(Collectors.groupingBy(
                    SimulatorJournal.Entry::id, Collectors.mapping(SimulatorJournal.Entry::request, Collectors.toSet())));
            assertThat(requestsById).hasSize(IDS);
            assertThat(requestsById.values()).as("one parameter set per id").allSatisfy(r -> assertThat(r).hasSize(1));
            assertThat(declares).extracting(SimulatorJournal.Entry::resultCode).containsOnly("SUCCESS");
            Map<String, Long> callsById = declares.stream()
                    .collect(Collectors.groupingBy(SimulatorJournal.Entry::id, Collectors.counting()));
            assertThat(callsById.values().stream().filter(calls -> calls > 1).count())
                    .as("sent again only what the killed node had in flight").isLessThanOrEqualTo(CONSUMERS);
            SimulatedDeclarations declared = gateway.bean(SimulatedDeclarations.class);
            assertThat(requestsById.keySet()).as("declared once in effect at the gateway")
                    .allSatisfy(id -> assertThat(declared.find(id)).isPresent());

            assertThat(ledger.queryForObject("select count(*) from declaration", Integer.class)).isEqualTo(IDS);
            assertThat(ledger.queryForObject("select count(*) from status_event where status = 'ACCEPTED'",
                    Integer.class)).as("each acceptance recorded once").isEqualTo(IDS);
            assertThat(rows).hasSize(FILE_LAST - FILE_FIRST + 1);
            assertThat(rows.stream().map(r -> r.get("declarationRequestId")).distinct()).hasSize(rows.size());
            assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).as(r.toString())
                    .isIn("ACCEPTED", "CUSTOMS_PENDING", "CUSTOMS_ACCEPTED"));
            assertThat(intake.getMessageCount()).isZero();
            // the file sink is fed by one node at a time: every acceptance once, in one node's folder or the
            // other's - again only those the killed node delivered after it last wrote the sink's cursor
            assertThat(acceptedEvents).isBetween((long) IDS, (long) IDS + StatusEventOutbox.CURSOR_EVERY);

            List<Instant[]> polls = new ArrayList<>(trackingPolls(a.log(), killedAt));
            polls.addAll(trackingPolls(b.log(), Instant.now()));
            polls.sort(Comparator.comparing(poll -> poll[0]));
            assertThat(polls).hasSizeGreaterThan(2);
            for (int i = 1; i < polls.size(); i++) {
                assertThat(polls.get(i)[0]).as("a tracking poll starts after the one before has ended, on any node")
                        .isAfterOrEqualTo(polls.get(i - 1)[1]);
            }
        } finally {
            for (BundleProcess node : java.util.Arrays.asList(a, b)) {
                if (node != null && node.isAlive()) {
                    node.kill();
                }
            }
            broker.stop();
        }
    }

    private long acceptedEvents() throws IOException {
        long events = 0;
        for (Path node : List.of(nodeA, nodeB)) {
            Path status = node.resolve("outbox/status");
            if (Files.isDirectory(status)) {
                try (Stream<Path> files = Files.list(status)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                        events += Files.readAllLines(file).stream().filter(l -> l.contains("\"status\":\"ACCEPTED\"")).count();
                    }
                }
            }
        }
        return events;
    }

    private BundleProcess startNode(Path root, String name, int gatewayPort, int brokerPort) {
        Map<String, String> properties = BundleProcess.against(gatewayPort, gatewayRoot, root);
        properties.putAll(TestDatabase.ledger(ledgerRoot));
        properties.put("spring.artemis.mode", "native");
        properties.put("spring.artemis.embedded.enabled", "false");
        properties.put("spring.artemis.broker-url", "tcp://127.0.0.1:" + brokerPort);
        properties.put("customs.jms.concurrent-consumers", Integer.toString(CONSUMERS));
        properties.put("customs.cluster.enabled", "true");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("customs.tracking.poll-interval", "1s");
        return BundleProcess.start(root, name, properties);
    }

    /** Start and end of every tracking poll in a node's log; a poll cut off by a kill ends then. */
    private static List<Instant[]> trackingPolls(String log, Instant cutOff) {
        List<Instant[]> polls = new ArrayList<>();
        Instant start = null;
        for (String line : log.split("\n")) {
            if (line.contains("tracking: ") && line.contains("batches of open declarations")) {
                start = timeOf(line);
            } else if (line.contains("tracking: done") && start != null) {
                polls.add(new Instant[] {start, timeOf(line)});
                start = null;
            }
        }
        if (start != null) {
            polls.add(new Instant[] {start, cutOff});
        }
        return polls;
    }

    private static Instant timeOf(String logLine) {
        return OffsetDateTime.parse(logLine.substring(0, logLine.indexOf(' '))).toInstant();
    }

    /** Artemis with a TCP acceptor, in memory, its folders under the test's. */
    private EmbeddedActiveMQ broker(int port) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("two-nodes");
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.setBrokerInstance(brokerRoot.toFile());
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        return broker;
    }

    private static void send(int brokerPort) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
             JMSContext jms = factory.createContext()) {
            jakarta.jms.Queue queue = jms.createQueue("customs.declarations");
            var producer = jms.createProducer();
            for (int i = 1; i <= JMS_RECORDS; i++) {
                producer.send(queue, """
                        {"declarationRequestId":"TWO-%06d","paymentId":"PAY-TWO-%06d","customsCode":"ZONGSHU","amount":"%d.00"}"""
                        .formatted(i, i, amount(i)));
            }
        }
    }

    private static String fileOrders() {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (int i = FILE_FIRST; i <= FILE_LAST; i++) {
            csv.append("TWO-%06d,PAY-TWO-%06d,ZONGSHU,%d.00\n".formatted(i, i, amount(i)));
        }
        return csv.toString();
    }

    private static int amount(int i) {
        return i % 500 + 1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
