package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.customsbridge.testsupport.Failures.messages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.jms.Message;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.core.MessagePostProcessor;

/**
 * Endpoint intakes: orders from any Camel consumer URI, by configuration only, here queues of the
 * embedded broker through the jms component: messages as order files (declared like dropped files,
 * with their results files) and messages of JSON records (like the JMS intake's).
 */
class EndpointIntakeFlowTest {

    @TempDir
    Path root;

    @Test
    void eachMessageIsAnOrderFileDeclaredLikeADroppedOne() throws Exception {
        try (Bundle bundle = Bundle.start(root, Map.of(
                "customs.intake.endpoints.erp-files.uri", "jms:queue:{{customs.test.files-queue}}?transacted=true",
                "customs.intake.endpoints.erp-files.format", "file",
                // JMS carries no Camel* headers, so no CamelFileName: the expression names each file
                "customs.intake.endpoints.erp-files.file-name", "erp-$simple{header.orderBatch}.csv",
                "customs.test.files-queue", "erp.files"))) {
            JmsTemplate jms = bundle.bean(JmsTemplate.class);
            jms.convertAndSend("erp.files", Inbox.csv("EFILE-0001,PAY-EF-1,10.00", "EFILE-0002,PAY-EF-2,1.001"),
                    batch("1"));
            jms.convertAndSend("erp.files", "declarationRequestId,paymentId,customsCode,amount\nEFILE-0009,PAY-\u00e9,ZONGSHU,1.00\n"
                    .getBytes(StandardCharsets.ISO_8859_1), batch("2"));
            jms.convertAndSend("erp.files", Inbox.csv("EFILE-0001,PAY-EF-1,10.00", "EFILE-0003,PAY-EF-3,3.00"), batch("3"));

            Inbox inbox = Inbox.under(root);
            Map<String, CSVRecord> first = Inbox.byId(inbox.awaitResults("erp-1.csv"));
            assertThat(first.get("EFILE-0001").get("status")).isEqualTo("ACCEPTED");
            assertThat(first.get("EFILE-0002").get("status")).isEqualTo("INVALID");

            Path errors = root.resolve("endpoint-staging").resolve("erp-files").resolve(".error");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(errors.resolve("erp-2.csv.reason.txt")));
            assertThat(Files.readString(errors.resolve("erp-2.csv.reason.txt"))).startsWith("erp-2.csv line 2")
                    .contains("not UTF-8");
            assertThat(errors.resolve("erp-2.csv")).exists();

            // a record sent again is reported as declared, never declared twice
            Map<String, CSVRecord> third = Inbox.byId(inbox.awaitResults("erp-3.csv"));
            assertThat(third.get("EFILE-0003").get("status")).isEqualTo("ACCEPTED");
            assertThat(third.get("EFILE-0001").get("status")).isEqualTo("ACCEPTED");
            assertThat(bundle.journal().entries("alipay-plus.declare")).hasSize(2);
            try (var staged = Files.list(errors.getParent())) {
                assertThat(staged.filter(Files::isRegularFile)).as("staged copies are removed once declared").isEmpty();
            }
            assertThat(bundle.jdbc().queryForObject("select count(*) from declaration where declaration_request_id "
                    + "= 'EFILE-0009'", Integer.class)).isZero();
        }
    }

    private static MessagePostProcessor batch(String number) {
        return message -> {
            message.setStringProperty("orderBatch", number);
            return message;
        };
    }

    @Test
    void eachMessageOfRecordsIsDeclaredAndAnUnreadableOneGoesToTheDeadLetterEndpoint() throws Exception {
        try (Bundle bundle = Bundle.start(root, Map.of(
                "customs.intake.endpoints.erp-orders.uri", "jms:queue:erp.orders?transacted=true",
                "customs.intake.endpoints.erp-orders.format", "records",
                "customs.intake.endpoints.erp-orders.dead-letter-uri", "jms:queue:erp.orders.unreadable"))) {
            JmsTemplate jms = bundle.bean(JmsTemplate.class);
            JdbcTemplate jdbc = bundle.jdbc();
            jms.convertAndSend("erp.orders", """
                    [{"declarationRequestId": "EREC-0001", "paymentId": "PAY-ER-1", "customsCode": "ZONGSHU", "amount": "10.00"},
                     {"declarationRequestId": "EREC-0002", "paymentId": "PAY-ER-2", "customsCode": "ZONGSHU", "amount": "-1"}]
                    """);
            jms.convertAndSend("erp.orders", "this is not JSON");
            // the same record again: reported as declared, never sent twice
            jms.convertAndSend("erp.orders",
                    "{\"declarationRequestId\": \"EREC-0001\", \"paymentId\": \"PAY-ER-1\", \"customsCode\": \"ZONGSHU\", \"amount\": \"10.00\"}");

            jms.setReceiveTimeout(30_000);
            Message unreadable = jms.receive("erp.orders.unreadable");
            assertThat(unreadable).isNotNull();
            assertThat(unreadable.getStringProperty("CustomsReason")).contains("not valid JSON").startsWith("intake:erp-orders/");
            assertThat(unreadable.getBody(String.class)).isEqualTo("this is not JSON");

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from declaration where declaration_request_id like 'EREC-%' and status <> 'DECLARING'",
                    Integer.class) == 2);
            assertThat(jdbc.queryForObject("select status from declaration where declaration_request_id = 'EREC-0001'",
                    String.class)).isEqualTo("ACCEPTED");
            assertThat(jdbc.queryForObject("select source from declaration where declaration_request_id = 'EREC-0001'",
                    String.class)).startsWith("intake:erp-orders/");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from status_event where declaration_request_id like 'EREC-%'", Integer.class) >= 2);
            assertThat(bundle.journal().entries("alipay-plus.declare")).hasSize(1);
        }
    }

    @Test
    void aUriWhoseComponentIsMissingStopsStartUpNamingItAndTheComponentsFolder() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of(
                "customs.intake.endpoints.rabbit.uri", "spring-rabbitmq:orders?queues=orders",
                "customs.intake.endpoints.rabbit.format", "records",
                "customs.components.path", root.resolve("components").toString())))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.startsWith(
                        "customs.intake.endpoints.rabbit.uri: no Camel component \"spring-rabbitmq\" on the class path")
                        && m.contains(root.resolve("components").toString())));
    }

    @Test
    void anIntakeWithoutFormatStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.intake.endpoints.erp.uri", "jms:queue:erp")))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains(
                        "customs.intake.endpoints.erp.format: required")));
    }
}
