package org.customsbridge.config;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.customsbridge.components.CamelComponents;
import org.customsbridge.components.ComponentsSettings;
import org.customsbridge.events.SinkSettings;
import org.customsbridge.events.StatusEventFields;
import org.customsbridge.events.StatusEventOutbox;
import org.customsbridge.events.StatusSinks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Status events: the outbox the ledger writes, and the sinks of {@code customs.sinks}. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    @Bean
    StatusEventFields statusEventFields(ObjectMapper mapper) {
        return new StatusEventFields(mapper);
    }

    @Bean
    StatusEventOutbox statusEventOutbox(JdbcTemplate jdbc, ObjectMapper mapper, Clock clock) {
        return new StatusEventOutbox(jdbc, mapper, clock, 500);
    }

    /**
     * {@code customs.sinks=file,erp-http} names the sinks; {@code customs.sinks.<name>.*} are each
     * sink's parameters, and {@code customs.sinks.<name>.type} its type when the name is not one.
     */
    @Bean
    StatusSinks statusSinks(Environment environment, SinkSettings settings, StatusEventOutbox outbox,
                            CamelComponents components) {
        return new StatusSinks(StatusSinks.configured(Binder.get(environment)), settings, outbox, components);
    }

    /** The components behind endpoint URIs, from the jar or the components folder. */
    @Bean
    CamelComponents camelComponents(ComponentsSettings settings) {
        return new CamelComponents(settings);
    }

    /** How a failed delivery is retried ({@code redeliveryPolicyRef} of the sinks' error handling). */
    @Bean
    RedeliveryPolicy statusSinkRedelivery(SinkSettings settings) {
        return settings.retry().policy();
    }
}
