package org.customsbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.spi.RouteTemplateParameterSource;
import org.customsbridge.components.CamelComponents;
import org.customsbridge.components.ComponentsSettings;
import org.customsbridge.intake.EndpointIntakeSettings.Endpoint;
import org.customsbridge.intake.EndpointIntakeSettings.Format;
import org.junit.jupiter.api.Test;

/** customs.intake.endpoints.<name>.* as the parameters of the route made from the template of its format. */
class EndpointIntakesTest {

    private static final Path STAGING = Path.of("/var/customs/endpoint-staging");

    @Test
    void eachIntakeIsARouteFromTheTemplateOfItsFormat() {
        EndpointIntakes intakes = intakes(Map.of(
                "erp-files", new Endpoint("amqp:queue:files", Format.FILE, "orders-${exchangeId}.csv", null),
                "erp-orders", new Endpoint(" amqp:queue:orders ", Format.RECORDS, null, "amqp:queue:orders.dead"),
                "erp-kafka", new Endpoint("kafka:orders?brokers={{erp.kafka}}", Format.RECORDS, null, "")));

        assertThat(intakes.routeIds()).containsExactlyInAnyOrder("endpoint-intake-erp-files",
                "endpoint-intake-erp-orders", "endpoint-intake-erp-kafka");
        assertThat(intakes.parameters("endpoint-intake-erp-files")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "intake-endpoint-file", "name", "erp-files",
                "uri", "amqp:queue:files"));
        assertThat(intakes.parameters("endpoint-intake-erp-orders")).isEqualTo(Map.of(
                RouteTemplateParameterSource.TEMPLATE_ID, "intake-endpoint-records", "name", "erp-orders",
                "uri", "amqp:queue:orders", "deadLetterUri", "amqp:queue:orders.dead"));
        // without a dead-letter URI, unreadable messages are kept in the intake's staging .error/ folder
        assertThat(intakes.parameters("endpoint-intake-erp-kafka")).containsEntry("uri", "kafka:orders?brokers={{erp.kafka}}")
                .containsEntry("deadLetterUri", "file:" + STAGING.resolve("erp-kafka/.error") + "?fileName=${exchangeId}.txt");
        assertThat(intakes.stagingFolder("erp-files")).isEqualTo(STAGING.resolve("erp-files"));
    }

    @Test
    void aSettingTheIntakeCannotWorkWithNamesItsProperty() {
        assertThatThrownBy(() -> intakes(Map.of("erp", new Endpoint(" ", Format.RECORDS, null, null))))
                .hasMessageStartingWith("customs.intake.endpoints.erp.uri: required");
        assertThatThrownBy(() -> intakes(Map.of("erp", new Endpoint("amqp:queue:x", null, null, null))))
                .hasMessageStartingWith("customs.intake.endpoints.erp.format: required");
        assertThatThrownBy(() -> intakes(Map.of("erp", new Endpoint("amqp:queue:x", Format.FILE, null, "amqp:queue:y"))))
                .hasMessageStartingWith("customs.intake.endpoints.erp.dead-letter-uri: only for format records");
        assertThatThrownBy(() -> intakes(Map.of("erp", new Endpoint("amqp:queue:x", Format.RECORDS, "x.csv", null))))
                .hasMessageStartingWith("customs.intake.endpoints.erp.file-name: only for format file");
    }

    @Test
    void theUrisWhoseComponentsMustBeThereAreNamedByTheirProperties() {
        assertThat(new Endpoint("amqp:queue:x", Format.RECORDS, null, "jms:queue:y").uris("erp")).isEqualTo(Map.of(
                "customs.intake.endpoints.erp.uri", "amqp:queue:x",
                "customs.intake.endpoints.erp.dead-letter-uri", "jms:queue:y"));
        assertThat(new Endpoint("amqp:queue:x", Format.FILE, null, null).uris("erp"))
                .containsOnlyKeys("customs.intake.endpoints.erp.uri");
    }

    private static EndpointIntakes intakes(Map<String, Endpoint> endpoints) {
        return new EndpointIntakes(new EndpointIntakeSettings(endpoints, STAGING),
                new CamelComponents(new ComponentsSettings(Path.of("lib"))));
    }
}
