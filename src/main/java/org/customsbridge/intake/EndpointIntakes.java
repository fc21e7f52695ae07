package org.customsbridge.intake;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.customsbridge.TemplatedRoutes;
import org.customsbridge.components.CamelComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint intakes of {@code customs.intake.endpoints.<name>.*}, as routes made from templates:
 * for each, a route
 * {@code endpoint-intake-<name>} from the template of its format, {@code intake-endpoint-file} or
 * {@code intake-endpoint-records} (routes/). Before Camel creates them, the component behind each URI
 * must be on the class path: a missing one stops start-up naming the property, the component and the
 * components folder.
 */
public class EndpointIntakes extends TemplatedRoutes implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointIntakes.class);

    private final EndpointIntakeSettings settings;
    private final CamelComponents components;

    public EndpointIntakes(EndpointIntakeSettings settings, CamelComponents components) {
        this.settings = settings;
        this.components = components;
        settings.endpoints().forEach((name, endpoint) -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("name", name);
            parameters.put("uri", endpoint.uri().strip());
            if (endpoint.format() == EndpointIntakeSettings.Format.RECORDS) {
                parameters.put("deadLetterUri", EndpointIntakeSettings.isSet(endpoint.deadLetterUri())
                        ? endpoint.deadLetterUri().strip()
                        : "file:" + errorFolder(name) + "?fileName=${exchangeId}.txt");
            }
            add("endpoint-intake-" + name, "intake-endpoint-" + endpoint.format(), parameters);
        });
    }

    /** Where the messages of intake {@code name} are staged (format file). */
    public Path stagingFolder(String name) {
        return settings.endpointStagingDirectory().resolve(name).toAbsolutePath().normalize();
    }

    /** Where unreadable messages of intake {@code name} end, with their reasons, unless it has a dead-letter URI. */
    private Path errorFolder(String name) {
        return stagingFolder(name).resolve(".error");
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        settings.endpoints().forEach((name, endpoint) -> endpoint.uris(name)
                .forEach((property, uri) -> components.require(camelContext, uri, property)));
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        settings.endpoints().forEach((name, endpoint) ->
                LOG.info("Endpoint intake {} ({}) started", name, endpoint.format()));
    }

    public EndpointIntakeSettings settings() {
        return settings;
    }
}
