package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.core.JmsTemplate;

/** Every status change reaches every configured sink once: file, ERP over HTTP, JMS. */
class StatusEventsFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void eachSinkReceivesOneEventPerStatusChange() throws Exception {
        Inbox inbox = Inbox.under(root);
        try (ErpEndpoint erp = new ErpEndpoint();
             Bundle bundle = Bundle.start(root, Map.of("customs.sinks", "file,erp-http,jms",
                     "customs.sinks.erp-http.url", erp.url("/customs/status")))) {
            inbox.drop("orders.csv", Inbox.csv("EVENT-0001,PAY-E-1,10.00", "EVENT-0002,UNPAID-E-2,20.00",
                    "EVENT-0003,PAY-E-3,1.001"));
            inbox.awaitResults("orders.csv");

            await().atMost(Duration.ofSeconds(30)).until(() -> erp.received().size() >= 3);
            List<Map<String, String>> httpEvents = erp.received().stream().map(StatusEventsFlowTest::parse).toList();
            assertThat(httpEvents).extracting(e -> e.get("declarationRequestId") + " " + e.get("status"))
                    .containsExactlyInAnyOrder("EVENT-0001 ACCEPTED", "EVENT-0002 DECLARE_FAILED", "EVENT-0003 INVALID");
            Map<String, String> accepted = httpEvents.stream()
                    .filter(e -> e.get("declarationRequestId").equals("EVENT-0001")).findFirst().orElseThrow();
            assertThat(accepted).containsEntry("paymentId", "PAY-E-1").containsEntry("gateway", "alipay-plus")
                    .containsEntry("code", "SUCCESS").containsKey("alipayDeclarationId").containsKey("at")
                    .doesNotContainKey("previousStatus");
            assertThat(accepted.get("at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");

            List<String> fileEvents = awaitLines(root.resolve("outbox/status"), 3);
            assertThat(fileEvents.stream().map(StatusEventsFlowTest::parse))
                    .extracting(e -> e.get("declarationRequestId") + " " + e.get("status"))
                    .containsExactlyInAnyOrder("EVENT-0001 ACCEPTED", "EVENT-0002 DECLARE_FAILED", "EVENT-0003 INVALID");

            JmsTemplate jms = bundle.bean(JmsTemplate.class);
            jms.setReceiveTimeout(10_000);
            List<String> jmsEvents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jmsEvents.add(((TextMessage) jms.receive("customs.status")).getText());
            }
            assertThat(jmsEvents).containsExactlyInAnyOrderElementsOf(erp.received());
            jms.setReceiveTimeout(500);
            assertThat(jms.receive("customs.status")).as("no event twice").isNull();
            assertThat(erp.received()).hasSize(3);
        }
    }

    @Test
    void eventsForAnErpThatIsDownAreParkedAndTheOtherSinksGoOn() throws Exception {
        Inbox inbox = Inbox.under(root);
        try (ErpEndpoint erp = new ErpEndpoint();
             Bundle bundle = Bundle.start(root, Map.of("customs.sinks", "file,erp-http",
                     "customs.sinks.erp-http.url", erp.url("/customs/status"),
                     "customs.sinks.retry.max-redeliveries", "2", "customs.sinks.retry.delay", "50ms"))) {
            erp.answer(503);
            inbox.drop("orders.csv", Inbox.csv("PARKED-0001,PAY-P-1,10.00", "PARKED-0002,PAY-P-2,20.00"));
            inbox.awaitResults("orders.csv");

            assertThat(awaitLines(root.resolve("outbox/status"), 2)).hasSize(2);
            List<String> parked = awaitLines(root.resolve("outbox/status/dead-letter"), 2);
            assertThat(parked.stream().map(StatusEventsFlowTest::parse))
                    .extracting(e -> e.get("declarationRequestId"))
                    .containsExactlyInAnyOrder("PARKED-0001", "PARKED-0002");
            assertThat(Files.list(root.resolve("outbox/status/dead-letter")).map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.startsWith("erp-http-"));

            erp.answer(200);
            inbox.drop("later.csv", Inbox.csv("PARKED-0003,PAY-P-3,10.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> erp.received().size() == 1);
            assertThat(erp.received().get(0)).contains("PARKED-0003");
        }
    }

    @Test
    void theLinesOfAFileWriteThatFailsAreParkedOnePerEvent() throws Exception {
        Inbox inbox = Inbox.under(root);
        // a folder that cannot be made: its parent is a file
        Path notAFolder = Files.writeString(root.resolve("not-a-folder"), "");
        try (Bundle bundle = Bundle.start(root, Map.of("customs.sinks.file.directory",
                notAFolder.resolve("status").toString(),
                "customs.sinks.retry.max-redeliveries", "1", "customs.sinks.retry.delay", "50ms"))) {
            inbox.drop("orders.csv", Inbox.csv("LINES-0001,PAY-L-1,10.00", "LINES-0002,PAY-L-2,20.00",
                    "LINES-0003,PAY-L-3,1.001"));
            inbox.awaitResults("orders.csv");

            List<String> parked = awaitLines(root.resolve("outbox/status/dead-letter"), 3);
            assertThat(parked.stream().map(StatusEventsFlowTest::parse))
                    .extracting(e -> e.get("declarationRequestId") + " " + e.get("status"))
                    .containsExactlyInAnyOrder("LINES-0001 ACCEPTED", "LINES-0002 ACCEPTED", "LINES-0003 INVALID");
        }
    }

    private static List<String> awaitLines(Path directory, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(directory).size() >= count);
        return lines(directory);
    }

    private static List<String> lines(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
