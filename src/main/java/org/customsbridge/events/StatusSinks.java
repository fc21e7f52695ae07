package org.customsbridge.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.customsbridge.TemplatedRoutes;
import org.customsbridge.components.CamelComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The status sinks of {@code customs.sinks=file,erp-http}, handed to Camel as route template
 * parameters (the same mechanism as {@code camel.route-template.config}): for each named sink, a
 * {@code status-sink} route that reads the outbox from the sink's cursor, and a {@code deliver-<type>}
 * route whose parameters are the sink's {@code customs.sinks.<name>.*} properties. Camel creates
 * the routes, fills the templates' defaults and refuses a missing required parameter; this class
 * only translates the property names and checks what Camel cannot know (a sink type that does not
 * exist, a SQL statement naming a field no event has). Adding a sink, even a second one of a type,
 * is configuration only.
 */
public class StatusSinks extends TemplatedRoutes implements CamelContextConfiguration, AutoCloseable {

    /** The sink types that ship as route templates ({@code routes/deliver-<type>.camel.yaml}). */
    public static final Set<String> TYPES = Set.of("file", "erp-http", "jms", "sql", "endpoint");
    /** Names under {@code customs.sinks.} that are settings of all sinks, not a sink. */
    private static final Set<String> SETTINGS = Set.of("retry", "poll-delay");
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":#([A-Za-z_][\\w]*)");
    private static final Logger LOG = LoggerFactory.getLogger(StatusSinks.class);

    /** A configured sink: its name in {@code customs.sinks}, its type, and its template parameters. */
    public record Sink(String name, String type, Map<String, String> parameters) {
    }

    private final List<Sink> sinks;
    private final SinkSettings settings;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    private final CamelComponents components;

    public StatusSinks(List<Sink> sinks, SinkSettings settings, StatusEventOutbox outbox, CamelComponents components) {
        this.sinks = sinks;
        this.settings = settings;
        this.components = components;
        for (Sink sink : sinks) {
            check(sink);
            outbox.register(sink.name());
            add("deliver-" + sink.name(), "deliver-" + sink.type(), deliverParameters(sink));
            add("status-sink-" + sink.name(), "status-sink", Map.of("name", sink.name(),
                    "pollDelay", Long.toString(settings.pollDelay().toMillis()),
                    "eventsPerDelivery", Integer.toString(eventsPerDelivery(sink.type()))));
        }
    }

    /**
     * The sinks named by {@code customs.sinks} (default: the file sink), each with its
     * {@code customs.sinks.<name>.*} properties; {@code type} is the sink's type when its name is not one.
     */
    public static List<Sink> configured(Binder binder) {
        List<String> names = binder.bind("customs.sinks", Bindable.listOf(String.class)).orElse(List.of("file"));
        List<Sink> sinks = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || SETTINGS.contains(trimmed)) {
                throw new IllegalStateException("customs.sinks: \"" + trimmed + "\" is not a sink name");
            }
            Map<String, String> parameters = new LinkedHashMap<>(binder.bind("customs.sinks." + trimmed,
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
            sinks.add(new Sink(trimmed, parameters.getOrDefault("type", trimmed), parameters));
        }
        return sinks;
    }

    private static void check(Sink sink) {
        if (!TYPES.contains(sink.type())) {
            throw new IllegalStateException("customs.sinks: unknown sink " + sink.name() + " of type " + sink.type()
                    + "; the types are " + String.join(", ", TYPES.stream().sorted().toList())
                    + " (set customs.sinks." + sink.name() + ".type for a sink of your own name)");
        }
        // Camel refuses a missing required parameter too, but naming the template's parameter, not the property
        if ("erp-http".equals(sink.type()) && !isSet(sink.parameters().get("url"))) {
            throw new IllegalStateException("customs.sinks." + sink.name()
                    + ".url: required when the " + sink.name() + " sink is on (customs.sinks)");
        }
        if ("sql".equals(sink.type())) {
            checkStatement(sink);
        }
        if ("endpoint".equals(sink.type()) && !isSet(sink.parameters().get("uri"))) {
            throw new IllegalStateException("customs.sinks." + sink.name()
                    + ".uri: required for an endpoint sink (any Camel producer URI, e.g. kafka:customs-status?brokers=...)");
        }
    }

    /** A statement that names a field no event has would fail on every event: refuse it at start-up. */
    private static void checkStatement(Sink sink) {
        String statement = sink.parameters().get("statement");
        String property = "customs.sinks." + sink.name() + ".statement";
        if (!isSet(statement)) {
            throw new IllegalStateException(property + ": required for a sql sink");
        }
        var names = NAMED_PARAMETER.matcher(statement);
        while (names.find()) {
            if (!StatusEventFields.NAMES.contains(names.group(1))) {
                throw new IllegalStateException(property + ": names " + names.group(1)
                        + ", which is not a status event field (" + String.join(", ", StatusEventFields.NAMES) + ")");
            }
        }
    }

    /**
     * A file sink appends the lines of up to {@link StatusEventOutbox#CURSOR_EVERY} events in one write
     * (a write per event cost more than the rest of an event's delivery); every other type takes one
     * event per message, row or call.
     */
    static int eventsPerDelivery(String type) {
        return "file".equals(type) ? StatusEventOutbox.CURSOR_EVERY : 1;
    }

    /** The sink's properties as its deliver template's parameters; empty ones are left to the template's default. */
    private static Map<String, Object> deliverParameters(Sink sink) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        sink.parameters().forEach((name, value) -> {
            if (isSet(value)) {
                parameters.put(name, value);
            }
        });
        parameters.remove("type");
        if ("sql".equals(sink.type())) {
            if (isSet(sink.parameters().get("url"))) {
                parameters.put("dataSource", dataSourceBean(sink));
            }
            // the database's address and credentials stay out of the route's definition
            parameters.keySet().removeAll(Set.of("url", "username", "password"));
        }
        parameters.put("name", sink.name());
        return parameters;
    }

    private static String dataSourceBean(Sink sink) {
        return "statusSink" + sink.name().replaceAll("[^A-Za-z0-9]", "") + "DataSource";
    }

    /**
     * The ERP database of a sql sink with a url of its own, bound before Camel creates the sink's
     * route; and the component of each endpoint sink, which must be on the class path.
     */
    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        for (Sink sink : sinks) {
            if ("endpoint".equals(sink.type())) {
                components.require(camelContext, sink.parameters().get("uri"), "customs.sinks." + sink.name() + ".uri");
            }
            if ("sql".equals(sink.type()) && isSet(sink.parameters().get("url"))) {
                HikariDataSource pool = erpDataSource(sink);
                pools.add(pool);
                camelContext.getRegistry().bind(dataSourceBean(sink), javax.sql.DataSource.class, pool);
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        sinks.forEach(sink -> LOG.info("Status sink {} ({}) started", sink.name(), sink.type()));
    }

    /**
     * A small connection pool of the sink's own (HikariCP, as Spring Boot's ledger pool): a sink
     * delivers one event at a time, so two connections are plenty, and none is kept while idle.
     * The pool connects on first use, so an ERP database that is down delays events, not start-up.
     */
    private static HikariDataSource erpDataSource(Sink sink) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("status-sink-" + sink.name());
        pool.setJdbcUrl(sink.parameters().get("url"));
        pool.setUsername(sink.parameters().getOrDefault("username", ""));
        pool.setPassword(sink.parameters().getOrDefault("password", ""));
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        return pool;
    }

    /** Closes the sinks' own connection pools when the application stops. */
    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }

    public List<Sink> sinks() {
        return sinks;
    }

    public SinkSettings settings() {
        return settings;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
