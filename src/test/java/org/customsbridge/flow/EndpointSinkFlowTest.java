package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.customsbridge.testsupport.Failures.messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.core.JmsTemplate;

/** Sink type "endpoint": status events to any Camel producer URI or Kamelet, by configuration only. */
class EndpointSinkFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void eachEventIsTheJsonBodyWithItsFieldsAsHeaders() throws Exception {
        try (Bundle bundle = Bundle.start(root, Map.of("customs.sinks", "file,erp-queue",
                "customs.sinks.erp-queue.type", "endpoint",
                "customs.sinks.erp-queue.uri", "jms:queue:{{customs.test.status-queue}}",
                "customs.test.status-queue", "erp.status"))) {
            Inbox inbox = Inbox.under(root);
            inbox.drop("orders.csv", Inbox.csv("ENDPOINT-0001,PAY-N-1,10.00", "ENDPOINT-0002,PAY-N-2,1.001"));
            inbox.awaitResults("orders.csv");

            JmsTemplate jms = bundle.bean(JmsTemplate.class);
            jms.setReceiveTimeout(10_000);
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                messages.add(jms.receive("erp.status"));
            }
            Message accepted = messages.stream().filter(m -> header(m, "customsDeclarationRequestId")
                    .equals("ENDPOINT-0001")).findFirst().orElseThrow();
            Map<String, Object> event = JSON.readValue(((TextMessage) accepted).getText(), new TypeReference<>() { });
            assertThat(event).containsEntry("declarationRequestId", "ENDPOINT-0001").containsEntry("status", "ACCEPTED")
                    .containsEntry("paymentId", "PAY-N-1");
            assertThat(header(accepted, "customsStatus")).isEqualTo("ACCEPTED");
            assertThat(header(accepted, "customsGateway")).isEqualTo("alipay-plus");
            assertThat(header(accepted, "customsAt")).isEqualTo(event.get("at"));
            assertThat(messages).extracting(m -> header(m, "customsStatus")).containsExactlyInAnyOrder("ACCEPTED", "INVALID");
            jms.setReceiveTimeout(500);
            assertThat(jms.receive("erp.status")).as("no event twice").isNull();
        }
    }

    @Test
    void aKameletSinkIsAnEndpointLikeAnyOther() throws Exception {
        Path received = root.resolve("kamelet-events");
        try (Bundle bundle = Bundle.start(root, Map.of("customs.sinks", "audit",
                "customs.sinks.audit.type", "endpoint",
                "customs.sinks.audit.uri", "kamelet:customs-test-file-sink?directory=" + received))) {
            Inbox inbox = Inbox.under(root);
            inbox.drop("orders.csv", Inbox.csv("KAMELET-0001,PAY-K-1,10.00"));
            inbox.awaitResults("orders.csv");

            Path events = received.resolve("events.jsonl");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(events)
                    && Files.readAllLines(events).size() == 1);
            Map<String, Object> event = JSON.readValue(Files.readAllLines(events).get(0), new TypeReference<>() { });
            assertThat(event).containsEntry("declarationRequestId", "KAMELET-0001").containsEntry("status", "ACCEPTED");
        }
    }

    @Test
    void aUriWhoseComponentIsMissingStopsStartUpNamingItAndTheComponentsFolder() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.sinks", "rabbit",
                "customs.sinks.rabbit.type", "endpoint",
                "customs.sinks.rabbit.uri", "spring-rabbitmq:customs?routingKey=status",
                "customs.components.path", root.resolve("components").toString())))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.startsWith(
                        "customs.sinks.rabbit.uri: no Camel component \"spring-rabbitmq\" on the class path")
                        && m.contains(root.resolve("components").toString())));
    }

    private static String header(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
