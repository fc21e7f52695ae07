package org.customsbridge.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Inbox;
import org.customsbridge.reliability.BundleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders from a real RabbitMQ (127.0.0.1:5672) through endpoint intakes whose component, camel-amqp
 * (AMQP 1.0, RabbitMQ's rabbitmq_amqp1_0 plugin), the jar does not ship: the real jar is started with
 * a components folder filled by the documented Maven command. Orders are published as an ERP would
 * (AMQP 0-9-1, to the default exchange); what RabbitMQ holds afterwards is read back: the intake
 * queues empty (every message acknowledged), the unreadable message on the dead-letter queue.
 */
class ChannelIntakeIT {

    /** camel-amqp is published at the bundle's Camel version. */
    private static final String COMPONENT_VERSION = "4.18.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path root;

    @Test
    void ordersFromRabbitMqQueuesAreDeclaredOnceAndAnUnreadableMessageEndsOnTheDeadLetterQueue() throws Exception {
        Path lib = root.resolve("lib");
        ComponentsFolder.add(lib, "camel-amqp", COMPONENT_VERSION);
        String suffix = UUID.randomUUID().toString();
        String orders = "customs-orders-" + suffix;
        String files = "customs-files-" + suffix;
        String deadLetters = "customs-orders-unreadable-" + suffix;

        try (Connection rabbit = RabbitMq.connect(); Channel channel = rabbit.createChannel()) {
            for (String queue : List.of(orders, files, deadLetters)) {
                channel.queueDeclare(queue, false, false, false, null);
            }
            try {
                publish(channel, orders, """
                        [{"declarationRequestId": "RABBIT-0001", "paymentId": "PAY-R-1", "customsCode": "ZONGSHU", "amount": "10.00"},
                         {"declarationRequestId": "RABBIT-0002", "paymentId": "PAY-R-2", "customsCode": "ZONGSHU", "amount": "-1"}]
                        """);
                publish(channel, orders, "this is not JSON");
                // the same record again: reported as declared, never declared twice
                publish(channel, orders, "{\"declarationRequestId\": \"RABBIT-0001\", \"paymentId\": \"PAY-R-1\", "
                        + "\"customsCode\": \"ZONGSHU\", \"amount\": \"10.00\"}");
                publish(channel, files, Inbox.csv("RABBIT-F-0001,PAY-RF-1,5.00", "RABBIT-F-0002,PAY-RF-2,1.001"));

                Map<String, String> properties = BundleProcess.settings(root);
                properties.putAll(Map.of(
                        "customs.intake.endpoints.rabbit-orders.uri", "amqp:queue:" + orders
                                + "?" + RabbitMq.AMQP_CONNECTION + "&acknowledgementModeName=CLIENT_ACKNOWLEDGE",
                        "customs.intake.endpoints.rabbit-orders.format", "records",
                        "customs.intake.endpoints.rabbit-orders.dead-letter-uri", "amqp:queue:" + deadLetters
                                + "?jmsMessageType=Bytes&" + RabbitMq.AMQP_CONNECTION,
                        "customs.intake.endpoints.rabbit-files.uri", "amqp:queue:" + files
                                + "?" + RabbitMq.AMQP_CONNECTION + "&acknowledgementModeName=CLIENT_ACKNOWLEDGE",
                        "customs.intake.endpoints.rabbit-files.format", "file",
                        "customs.intake.endpoints.rabbit-files.file-name", "rabbit-orders.csv"));
                properties.putAll(RabbitMq.PASSWORD);
                properties.put("customs.intake.endpoint-staging-directory", root.resolve("endpoint-staging").toString());
                try (BundleProcess bundle = BundleProcess.start("512m", properties,
                        Map.of("CUSTOMS_COMPONENTS_PATH", lib.toString()), root.resolve("bundle.log"))) {
                    try {
                        declared(bundle, channel, deadLetters);
                    } catch (RuntimeException | AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\nthe bundle's log:\n" + bundle.log(), e);
                    }
                }
                // every event once: the record sent twice was declared once
                assertThat(events(Inbox.under(root))).containsExactlyInAnyOrder("RABBIT-0001 ACCEPTED",
                        "RABBIT-0002 INVALID", "RABBIT-F-0001 ACCEPTED", "RABBIT-F-0002 INVALID");
                // with the bundle stopped, a message it took but never acknowledged would be back on its queue
                assertThat(channel.queueDeclarePassive(orders).getMessageCount()).as("orders left").isZero();
                assertThat(channel.queueDeclarePassive(files).getMessageCount()).as("files left").isZero();
                assertThat(channel.queueDeclarePassive(deadLetters).getMessageCount()).as("dead letters left").isZero();
            } finally {
                for (String queue : List.of(orders, files, deadLetters)) {
                    channel.queueDelete(queue);
                }
            }
        }
        assertThat(Files.list(lib).map(p -> p.getFileName().toString()))
                .as("the component came from the folder, not the jar").contains("camel-amqp-" + COMPONENT_VERSION + ".jar");
    }

    /** The results file of the file message, the events of both queues, the unreadable message dead-lettered. */
    private void declared(BundleProcess bundle, Channel channel, String deadLetters) throws Exception {
        Inbox inbox = Inbox.under(root);
        Map<String, CSVRecord> rows = Inbox.byId(inbox.awaitResultsWithin("rabbit-orders.csv",
                Duration.ofSeconds(60)));
        assertThat(rows.get("RABBIT-F-0001").get("status")).isEqualTo("ACCEPTED");
        assertThat(rows.get("RABBIT-F-0002").get("status")).isEqualTo("INVALID");

        await().atMost(Duration.ofSeconds(60)).until(() -> events(inbox).size() >= 4);
        GetResponse unreadable = await().atMost(Duration.ofSeconds(30))
                .until(() -> channel.basicGet(deadLetters, true), response -> response != null);
        // Bytes: a single data section, the message as it came for an AMQP 0-9-1 reader
        assertThat(new String(unreadable.getBody(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
        assertThat(RabbitMq.headersAsText(unreadable)).contains("CustomsReason").contains("intake:rabbit-orders/")
                .contains("not valid JSON");
        assertThat(bundle.log()).doesNotContain("ERROR");
    }

    private static void publish(Channel channel, String queue, String body) throws IOException {
        // the default exchange routes by queue name; persistent, as an ERP publishes orders
        channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2)
                .contentType("application/json").build(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** "<declarationRequestId> <status>" of every status event the file sink wrote. */
    private static List<String> events(Inbox inbox) throws IOException {
        Path folder = inbox.outbox().resolve("status");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> days = Files.list(folder)) {
            return days.filter(f -> f.getFileName().toString().endsWith(".jsonl")).flatMap(ChannelIntakeIT::lines)
                    .map(ChannelIntakeIT::parse).map(e -> e.get("declarationRequestId") + " " + e.get("status")).toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
