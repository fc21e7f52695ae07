package org.customsbridge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.RouteTemplateParameterSource;
import org.customsbridge.components.CamelComponents;
import org.customsbridge.components.ComponentsSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How customs.sinks.* becomes the routes Camel creates from the sink templates, without starting the bundle. */
class StatusSinksTest {

    private final StatusEventOutbox outbox = mock(StatusEventOutbox.class);
    private final SinkSettings settings = new SinkSettings(Duration.ofMillis(250), new SinkSettings.Retry(5, Duration.ofSeconds(1)));

    @Test
    void eachSinkIsAFeedingRouteAndADeliverRouteOfItsType() {
        StatusSinks sinks = sinks(Map.of("customs.sinks", "file,orders",
                "customs.sinks.file.directory", "", "customs.sinks.orders.type", "erp-http",
                "customs.sinks.orders.url", "https://erp.example.com/status"));

        assertThat(sinks.routeIds()).containsExactly("deliver-file", "status-sink-file", "deliver-orders", "status-sink-orders");
        // an empty property is left to the template's default
        assertThat(sinks.parameters("deliver-file")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "deliver-file", "name", "file"));
        assertThat(sinks.parameters("deliver-orders")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "deliver-erp-http", "name", "orders",
                "url", "https://erp.example.com/status"));
        assertThat(sinks.parameters("status-sink-orders")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "status-sink", "name", "orders", "pollDelay", "250",
                "eventsPerDelivery", "1"));
        // the file sink appends the lines of many events at once
        assertThat(sinks.parameters("status-sink-file")).containsEntry("eventsPerDelivery", "50");
        verify(outbox).register("file");
        verify(outbox).register("orders");
    }

    @Test
    void theSqlSinksDatabaseAndCredentialsStayOutOfTheRoute() {
        StatusSinks sinks = sinks(Map.of("customs.sinks", "erp-db", "customs.sinks.erp-db.type", "sql",
                "customs.sinks.erp-db.statement", "insert into t (a) values (:#status)",
                "customs.sinks.erp-db.url", "jdbc:h2:mem:erp", "customs.sinks.erp-db.username", "erp",
                "customs.sinks.erp-db.password", "erp-secret"));

        assertThat(sinks.parameters("deliver-erp-db")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "deliver-sql", "name", "erp-db",
                "statement", "insert into t (a) values (:#status)", "dataSource", "statusSinkerpdbDataSource"));
    }

    @Test
    void whatCamelCannotKnowStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> sinks(Map.of("customs.sinks", "file,fax")))
                .hasMessageStartingWith("customs.sinks: unknown sink fax of type fax");
        assertThatThrownBy(() -> sinks(Map.of("customs.sinks", "erp-http", "customs.sinks.erp-http.url", " ")))
                .hasMessageStartingWith("customs.sinks.erp-http.url: required");
        assertThatThrownBy(() -> sinks(Map.of("customs.sinks", "sql", "customs.sinks.sql.statement",
                "insert into t (a) values (:#orderNumber)")))
                .hasMessageStartingWith("customs.sinks.sql.statement: names orderNumber");
        assertThatThrownBy(() -> sinks(Map.of("customs.sinks", "erp-queue", "customs.sinks.erp-queue.type", "endpoint")))
                .hasMessageStartingWith("customs.sinks.erp-queue.uri: required for an endpoint sink");
        assertThatThrownBy(() -> sinks(Map.of("customs.sinks", "file,retry")))
                .hasMessage("customs.sinks: \"retry\" is not a sink name");
    }

    @Test
    void anEndpointSinkHandsItsUriToTheTemplate() {
        StatusSinks sinks = sinks(Map.of("customs.sinks", "erp-kafka", "customs.sinks.erp-kafka.type", "endpoint",
                "customs.sinks.erp-kafka.uri", "kafka:customs-status?brokers={{erp.kafka}}"));

        assertThat(sinks.parameters("deliver-erp-kafka")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "deliver-endpoint", "name", "erp-kafka",
                "uri", "kafka:customs-status?brokers={{erp.kafka}}"));
    }

    @Test
    void withoutCustomsSinksTheFileSinkIsOn() {
        assertThat(StatusSinks.configured(new Binder(new MapConfigurationPropertySource(Map.of()))))
                .extracting(StatusSinks.Sink::name).isEqualTo(List.of("file"));
    }

    private StatusSinks sinks(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return new StatusSinks(StatusSinks.configured(binder), settings, outbox,
                new CamelComponents(new ComponentsSettings(Path.of("lib"))));
    }
}
