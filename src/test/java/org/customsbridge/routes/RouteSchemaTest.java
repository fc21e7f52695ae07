package org.customsbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code routes/*.camel.yaml} against the JSON schema of Camel's YAML DSL, the one shipped in
 * the camel-yaml-dsl jar of the Camel version the bundle runs on. Camel's visual tools (Kaoto, the
 * Karavan and VS Code editors) read routes through this schema, so a route that passes it opens
 * there; one that uses a shorthand the loader tolerates but the schema does not would not.
 */
class RouteSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = YamlRoutesBuilderLoader.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json in camel-yaml-dsl").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static List<Path> routes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("routes")
    void followsCamelsYamlDslSchema(Path route) throws IOException {
        JsonNode document = YAML.readTree(route.toFile());
        Set<ValidationMessage> problems = schema.validate(document);

        assertThat(problems).as(route + " against Camel's YAML DSL schema").isEmpty();
    }
}
