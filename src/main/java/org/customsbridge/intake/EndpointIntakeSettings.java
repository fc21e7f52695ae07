package org.customsbridge.intake;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.intake.endpoints.<name>.*}: intakes from any Camel consumer URI (RabbitMQ, Kafka,
 * S3, e-mail, a Kamelet source, ...), each declaring the messages it takes either as order files or
 * as JSON records. None by default. A setting an intake cannot work with stops start-up naming the
 * property.
 *
 * @param endpoints               the endpoint intakes, by name ({@code customs.intake.endpoints.<name>.*})
 * @param endpointStagingDirectory local folder where an endpoint intake of format file writes each message
 *                                before it is declared (a subfolder per intake, whose {@code .error/} keeps
 *                                the messages that could not be read)
 */
@Validated
@ConfigurationProperties("customs.intake")
public record EndpointIntakeSettings(
        Map<String, Endpoint> endpoints,
        @DefaultValue("data/endpoint-staging") Path endpointStagingDirectory) {

    private static final String PREFIX = "customs.intake.endpoints.";

    public EndpointIntakeSettings {
        endpoints = endpoints == null ? Map.of() : new TreeMap<>(endpoints);
        endpoints.forEach(EndpointIntakeSettings::check);
    }

    /** How a message is read: as one order file, or as a JSON record or array of records. */
    public enum Format {
        /** the message is an order file (CSV, JSON, JSON lines or XML, by its name's extension) */
        FILE,
        /** the message is a JSON record object or an array of them */
        RECORDS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One endpoint intake.
     *
     * @param uri           the Camel consumer URI messages are taken from ({@code {{placeholders}}} allowed)
     * @param format        file or records
     * @param fileName      format file: the file name of a message without a CamelFileName header, a Camel
     *                      simple expression such as {@code orders-${exchangeId}.csv} (its extension chooses
     *                      the reader)
     * @param deadLetterUri format records: the Camel producer URI an unreadable message goes to, with its
     *                      reason in the CustomsReason header; empty: a file in the intake's staging
     *                      {@code .error/} folder
     */
    public record Endpoint(String uri, Format format, String fileName, String deadLetterUri) {

        /** The URIs whose components must be on the class path, by the property that holds them. */
        public Map<String, String> uris(String name) {
            Map<String, String> uris = new TreeMap<>();
            uris.put(PREFIX + name + ".uri", uri);
            if (isSet(deadLetterUri)) {
                uris.put(PREFIX + name + ".dead-letter-uri", deadLetterUri);
            }
            return uris;
        }
    }

    private static void check(String name, Endpoint endpoint) {
        String property = PREFIX + name;
        if (endpoint == null || !isSet(endpoint.uri())) {
            throw new IllegalArgumentException(property + ".uri: required for an endpoint intake (any Camel consumer "
                    + "URI, e.g. amqp:queue:orders)");
        }
        if (endpoint.format() == null) {
            throw new IllegalArgumentException(property + ".format: required: file (each message is an order file) "
                    + "or records (each message is a JSON record or an array of them)");
        }
        if (endpoint.format() == Format.FILE && isSet(endpoint.deadLetterUri())) {
            throw new IllegalArgumentException(property + ".dead-letter-uri: only for format records; an unreadable "
                    + "file goes to the intake's staging .error/ folder with its reason, as in the inbox");
        }
        if (endpoint.format() == Format.RECORDS && isSet(endpoint.fileName())) {
            throw new IllegalArgumentException(property + ".file-name: only for format file");
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
