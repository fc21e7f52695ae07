package org.customsbridge.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code customs.sinks} into routes: for each named sink, a {@code status-sink} route that
 * reads the outbox from the sink's cursor, and a {@code deliver-<type>} route built from the
 * sink type's template with the sink's {@code customs.sinks.<name>.*} properties as parameters.
 * Adding a sink, even a second one of a type, is configuration only.
 */
public class StatusSinks implements CamelContextConfiguration {

    /** The sink types that ship as route templates ({@code routes/deliver-<type>.camel.yaml}). */
    public static final Set<String> TYPES = Set.of("file", "erp-http", "jms");
    private static final Logger LOG = LoggerFactory.getLogger(StatusSinks.class);

    /** A configured sink: its name in {@code customs.sinks}, its type, and its template parameters. */
    public record Sink(String name, String type, Map<String, String> parameters) {
    }

    private final List<Sink> sinks;
    private final StatusEventOutbox outbox;

    public StatusSinks(List<Sink> sinks, StatusEventOutbox outbox) {
        this.sinks = sinks;
        this.outbox = outbox;
        for (Sink sink : sinks) {
            if (!TYPES.contains(sink.type())) {
                throw new IllegalStateException("customs.sinks: unknown sink " + sink.name() + " of type " + sink.type()
                        + "; the types are " + String.join(", ", TYPES.stream().sorted().toList())
                        + " (set customs.sinks." + sink.name() + ".type for a sink of your own name)");
            }
            String url = sink.parameters().get("url");
            if ("erp-http".equals(sink.type()) && (url == null || url.isBlank())) {
                throw new IllegalStateException("customs.sinks." + sink.name()
                        + ".url: required when the " + sink.name() + " sink is on (customs.sinks)");
            }
            outbox.register(sink.name());
        }
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the templates are loaded with the routes, when the context starts
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (Sink sink : sinks) {
            Map<String, Object> parameters = new LinkedHashMap<>(sink.parameters());
            parameters.remove("type");
            parameters.put("name", sink.name());
            TemplatedRouteBuilder.builder(camelContext, "deliver-" + sink.type())
                    .routeId("deliver-" + sink.name())
                    .parameters(parameters)
                    .add();
            TemplatedRouteBuilder.builder(camelContext, "status-sink")
                    .routeId("status-sink-" + sink.name())
                    .parameter("name", sink.name())
                    .add();
            LOG.info("Status sink {} ({}) started", sink.name(), sink.type());
        }
    }

    public List<Sink> sinks() {
        return sinks;
    }
}
