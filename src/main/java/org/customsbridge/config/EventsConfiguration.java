package org.customsbridge.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.events.StatusEventFields;
import org.customsbridge.events.StatusEventOutbox;
import org.customsbridge.events.StatusSinks;
import org.springframework.boot.context.properties.bind.Bindable;
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
    StatusSinks statusSinks(Environment environment, StatusEventOutbox outbox) {
        Binder binder = Binder.get(environment);
        List<String> names = binder.bind("customs.sinks", Bindable.listOf(String.class)).orElse(List.of("file"));
        List<StatusSinks.Sink> sinks = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || List.of("retry", "poll-delay-ms").contains(trimmed)) {
                throw new IllegalStateException("customs.sinks: \"" + trimmed + "\" is not a sink name");
            }
            Map<String, String> parameters = new LinkedHashMap<>(binder.bind("customs.sinks." + trimmed,
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
            sinks.add(new StatusSinks.Sink(trimmed, parameters.getOrDefault("type", trimmed), parameters));
        }
        return new StatusSinks(sinks, outbox);
    }
}
