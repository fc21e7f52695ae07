package org.customsbridge.config;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.component.jms.JmsComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camel {@code jms} component on Spring Boot's connection factory: the embedded Artemis broker
 * by default, any broker by {@code spring.artemis.*} alone.
 */
@Configuration(proxyBeanMethods = false)
public class JmsConfiguration {

    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        return JmsComponent.jmsComponent(connectionFactory);
    }
}
