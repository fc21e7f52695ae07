package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/** Declarations arriving as JMS messages on the embedded broker go through the same pipeline as files. */
class JmsIntakeFlowTest {

    @TempDir
    Path root;

    @Test
    void recordsOfAMessageAreDeclaredAndAPoisonMessageGoesToTheDeadLetterQueue() throws Exception {
        try (Bundle bundle = Bundle.start(root, Map.of())) {
            JmsTemplate jms = bundle.bean(JmsTemplate.class);
            JdbcTemplate jdbc = bundle.jdbc();

            jms.convertAndSend("customs.declarations", """
                    [{"declarationRequestId": "JMS-0001", "paymentId": "PAY-M-1", "customsCode": "ZONGSHU", "amount": "10.00"},
                     {"declarationRequestId": "JMS-0002", "paymentId": "PAY-M-2", "customsCode": "ZONGSHU", "amount": "-1"}]
                    """);
            jms.convertAndSend("customs.declarations", "this is not JSON");
            jms.convertAndSend("customs.declarations",
                    "{\"declarationRequestId\": \"JMS-0003\", \"paymentId\": \"PAY-M-3\", \"customsCode\": \"NINGBO\", \"amount\": 5}");

            // rows appear as DECLARING when their call starts; wait until every call is over
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from declaration where declaration_request_id like 'JMS-%' "
                            + "and status <> 'DECLARING'", Integer.class) == 3);
            assertThat(status(jdbc, "JMS-0001")).isEqualTo("ACCEPTED");
            assertThat(status(jdbc, "JMS-0002")).isEqualTo("INVALID");
            assertThat(status(jdbc, "JMS-0003")).isEqualTo("ACCEPTED");
            assertThat(jdbc.queryForObject("select source from declaration where declaration_request_id = 'JMS-0001'",
                    String.class)).startsWith("jms:customs.declarations/ID:");
            assertThat(bundle.journal().entries("alipay-plus.declare")).hasSize(2);

            jms.setReceiveTimeout(10_000);
            Message poison = jms.receive("customs.declarations.DLQ");
            assertThat(poison).isNotNull();
            assertThat(poison.getStringProperty("CustomsReason")).contains("not valid JSON");
            assertThat(poison.getBody(String.class)).isEqualTo("this is not JSON");

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from status_event where declaration_request_id like 'JMS-%'", Integer.class) == 3);
        }
    }

    private static String status(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("select status from declaration where declaration_request_id = ?", String.class, id);
    }
}
