package org.customsbridge.flow;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.customsbridge.CustomsBridgeApplication;
import org.customsbridge.simulator.SimulatorJournal;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application started as a user starts it, on a random port, for tests that restart it. */
public final class Bundle implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Bundle(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the bundle under {@code root} with its ledger in an H2 file there, plus {@code overrides}. */
    public static Bundle start(Path root, Map<String, String> overrides) {
        return start(root, overrides, null);
    }

    /** As {@link #start(Path, Map)}, with the bundle's (and its simulator's) time from {@code clock}. */
    public static Bundle start(Path root, Map<String, String> overrides, Clock clock) {
        return start(root, overrides, clock, Map.of());
    }

    /** As {@link #start(Path, Map, Clock)} ({@code clock} may be null), with {@code beans} registered first. */
    public static Bundle start(Path root, Map<String, String> overrides, Clock clock, Map<String, Object> beans) {
        Map<String, String> properties = new HashMap<>(FlowTestProperties.of(root));
        properties.put("server.port", "0");
        properties.putAll(overrides);
        // As command-line arguments, so that they win over application.properties like a user's would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CustomsBridgeApplication.class);
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        beans.forEach((name, bean) -> builder.initializers(context -> context.getBeanFactory()
                .registerSingleton(name, bean)));
        return new Bundle(builder.run(args));
    }

    /** The HTTP port the bundle (and its simulator) listens on. */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public SimulatorJournal journal() {
        return context.getBean(SimulatorJournal.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Every bean of {@code type}, by name. */
    public <T> java.util.Map<String, T> beans(Class<T> type) {
        return context.getBeansOfType(type);
    }

    /** A client of this bundle's HTTP port, logged in as the test operator. */
    public Http http() {
        return new Http(port());
    }

    /** The running application's context, to look at what it holds. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
