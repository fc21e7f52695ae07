package org.customsbridge.channels;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The RabbitMQ of the channel tests (127.0.0.1:5672, guest/guest): as the bundle reaches it through
 * camel-amqp (AMQP 1.0, RabbitMQ's rabbitmq_amqp1_0 plugin), and as an ERP's AMQP 0-9-1 client sees it.
 */
final class RabbitMq {

    /**
     * The option of an amqp URI that names RabbitMQ's address and login as the URI's own connection
     * factory: without one, the amqp component would take the bundle's JMS connection factory (its
     * Artemis broker). RabbitMQ 3.x names an existing queue /amq/queue/<name>; the prefix is the
     * factory's, as Camel drops a leading slash from a queue name. The password is a placeholder.
     */
    static final String AMQP_CONNECTION = "connectionFactory=#class:org.apache.qpid.jms.JmsConnectionFactory("
            + "'guest','{{customs.test.rabbit-password}}','amqp://127.0.0.1:5672?jms.queuePrefix=/amq/queue/')";
    /** The property answering the placeholder in {@link #AMQP_CONNECTION}. */
    static final Map<String, String> PASSWORD = Map.of("customs.test.rabbit-password", "guest");

    private RabbitMq() {
    }

    static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory.newConnection("customs-bridge-test");
    }

    /**
     * The headers of a message read over AMQP 0-9-1, as text. RabbitMQ 3.x hands the application
     * properties of an AMQP 1.0 message to a 0-9-1 client in one binary header of their encoding;
     * their names and text values are readable within it.
     */
    static String headersAsText(GetResponse message) {
        Map<String, Object> headers = message.getProps().getHeaders();
        if (headers == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append('=').append(value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value)).append('\n'));
        return text.toString();
    }
}
