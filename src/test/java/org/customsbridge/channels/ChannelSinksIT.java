package org.customsbridge.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.customsbridge.flow.Inbox;
import org.customsbridge.reliability.BundleProcess;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status events to a real RabbitMQ (127.0.0.1:5672) and a real MQTT broker (Mosquitto,
 * 127.0.0.1:1883) through Camel components that the jar does not ship: the real jar is started
 * with a components folder filled by the documented Maven command, and each server is read back.
 * RabbitMQ through camel-amqp at the bundle's Camel version (AMQP 1.0, RabbitMQ's rabbitmq_amqp1_0
 * plugin); MQTT through camel-paho at 4.17.0, the newest line the registry here serves for any MQTT
 * component.
 */
class ChannelSinksIT {

    private static final String AMQP_VERSION = "4.18.0";
    private static final String PAHO_VERSION = "4.17.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void statusEventsReachRabbitMqAndMqttThroughComponentsFromTheComponentsFolder() throws Exception {
        Path lib = root.resolve("lib");
        ComponentsFolder.add(lib, "camel-amqp", AMQP_VERSION);
        ComponentsFolder.add(lib, "camel-paho", PAHO_VERSION);
        String queue = "customs-status-" + UUID.randomUUID();
        String topic = "customs/status/" + UUID.randomUUID();
        List<String> mqttEvents = new CopyOnWriteArrayList<>();

        try (Connection rabbit = RabbitMq.connect(); Channel channel = rabbit.createChannel();
             MqttClient mqtt = new MqttClient("tcp://127.0.0.1:1883", "customs-test-" + UUID.randomUUID(),
                     new MemoryPersistence())) {
            channel.queueDeclare(queue, false, false, true, null);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            mqtt.connect(options);
            mqtt.subscribe(topic, 1, (t, message) -> mqttEvents.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

            Map<String, String> properties = BundleProcess.settings(root);
            properties.putAll(Map.of("customs.sinks", "file,erp-rabbit,erp-mqtt",
                    "customs.sinks.erp-rabbit.type", "endpoint",
                    // Bytes: a single data section, the plain JSON for an AMQP 0-9-1 reader
                    "customs.sinks.erp-rabbit.uri", "amqp:queue:" + queue + "?jmsMessageType=Bytes&" + RabbitMq.AMQP_CONNECTION,
                    "customs.sinks.erp-mqtt.type", "endpoint",
                    "customs.sinks.erp-mqtt.uri", "paho:" + topic + "?brokerUrl=tcp://127.0.0.1:1883&qos=1"));
            properties.putAll(RabbitMq.PASSWORD);
            try (BundleProcess bundle = BundleProcess.start("512m", properties,
                    Map.of("CUSTOMS_COMPONENTS_PATH", lib.toString()), root.resolve("bundle.log"))) {
                Inbox inbox = Inbox.under(root);
                inbox.drop("orders.csv", Inbox.csv("CHANNEL-0001,PAY-C-1,10.00", "CHANNEL-0002,PAY-C-2,1.001"));
                inbox.awaitResultsWithin("orders.csv", Duration.ofSeconds(60));

                List<GetResponse> rabbitEvents = new CopyOnWriteArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    GetResponse response = channel.basicGet(queue, true);
                    if (response != null) {
                        rabbitEvents.add(response);
                    }
                    return rabbitEvents.size() == 2;
                });
                assertThat(rabbitEvents).extracting(r -> parse(r.getBody()).get("declarationRequestId") + " "
                        + parse(r.getBody()).get("status")).containsExactlyInAnyOrder("CHANNEL-0001 ACCEPTED",
                        "CHANNEL-0002 INVALID");
                // the event's fields as headers: application properties of the AMQP 1.0 message
                assertThat(rabbitEvents).extracting(RabbitMq::headersAsText)
                        .anySatisfy(h -> assertThat(h).contains("customsStatus").contains("ACCEPTED"))
                        .anySatisfy(h -> assertThat(h).contains("customsStatus").contains("INVALID"));

                await().atMost(Duration.ofSeconds(30)).until(() -> mqttEvents.size() == 2);
                assertThat(mqttEvents).extracting(e -> parse(e.getBytes(StandardCharsets.UTF_8)).get("declarationRequestId"))
                        .containsExactlyInAnyOrder("CHANNEL-0001", "CHANNEL-0002");
                assertThat(bundle.log()).doesNotContain("parked in the dead-letter file");
            }
            assertThat(channel.basicGet(queue, true)).as("no event twice").isNull();
            assertThat(mqttEvents).hasSize(2);
            mqtt.disconnect();
        }
        assertThat(Files.list(lib).map(p -> p.getFileName().toString()))
                .as("the components came from the folder, not the jar")
                .contains("camel-paho-" + PAHO_VERSION + ".jar", "camel-amqp-" + AMQP_VERSION + ".jar");
    }

    private static Map<String, Object> parse(byte[] json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
