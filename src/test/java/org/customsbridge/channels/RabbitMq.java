package org.customsbridge.channels;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** The RabbitMQ of the channel tests (127.0.0.1:5672, guest/guest), as an ERP's AMQP 0-9-1 client sees it. */
final class RabbitMq {

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
}
