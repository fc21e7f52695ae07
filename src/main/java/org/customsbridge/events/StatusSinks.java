package org.customsbridge.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
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
public class StatusSinks implements CamelContextConfiguration, AutoCloseable {

    /** The sink types that ship as route templates ({@code routes/deliver-<type>.camel.yaml}). */
    public static final Set<String> TYPES = Set.of("file", "erp-http", "jms", "sql");
    private static final java.util.regex.Pattern NAMED_PARAMETER = java.util.regex.Pattern.compile(":#([A-Za-z_][\\w]*)");
    private static final Logger LOG = LoggerFactory.getLogger(StatusSinks.class);

    /** A configured sink: its name in {@code customs.sinks}, its type, and its template parameters. */
    public record Sink(String name, String type, Map<String, String> parameters) {
    }

    private final List<Sink> sinks;
    private final StatusEventOutbox outbox;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

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
            if ("sql".equals(sink.type())) {
                checkStatement(sink);
            }
            outbox.register(sink.name());
        }
    }

    /** A statement that names a field no event has would fail on every event: refuse it at start-up. */
    private static void checkStatement(Sink sink) {
        String statement = sink.parameters().get("statement");
        String property = "customs.sinks." + sink.name() + ".statement";
        if (statement == null || statement.isBlank()) {
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

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the templates are loaded with the routes, when the context starts
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (Sink sink : sinks) {
            Map<String, Object> parameters = new LinkedHashMap<>(sink.parameters());
            parameters.remove("type");
            if ("sql".equals(sink.type())) {
                if (sink.parameters().get("url") != null) {
                    // the ERP's own database: a datasource of the sink's own, bound under a name of its own
                    String bean = "statusSink" + sink.name().replaceAll("[^A-Za-z0-9]", "") + "DataSource";
                    HikariDataSource pool = erpDataSource(sink);
                    pools.add(pool);
                    camelContext.getRegistry().bind(bean, javax.sql.DataSource.class, pool);
                    parameters.put("dataSource", bean);
                }
                // the database's address and credentials stay out of the route's definition
                parameters.keySet().removeAll(Set.of("url", "username", "password"));
            }
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
}
