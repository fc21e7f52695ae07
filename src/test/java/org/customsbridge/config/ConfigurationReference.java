package org.customsbridge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes {@code docs/configuration.md} from the configuration metadata that Spring Boot's
 * configuration processor generates from the settings classes at compile time: every {@code customs.*}
 * setting with its type, default and description (the javadoc of the property), grouped by prefix,
 * and the retired settings with the ones that replace them.
 */
final class ConfigurationReference {

    static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    static final Path DOCUMENT = Path.of("docs/configuration.md");
    static final String REGENERATE = "mvn -q test -Dtest=ConfigurationReferenceTest -Dreference.update=true";

    /** An inline tag, whose text may hold braces one level deep ({@code /orders/{id}}). */
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|literal) ((?:[^{}]|\\{[^{}]*})*)}");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("java.lang.String", "text"),
            Map.entry("java.lang.Integer", "integer"),
            Map.entry("java.lang.Double", "number"),
            Map.entry("java.lang.Boolean", "boolean"),
            Map.entry("java.time.Duration", "duration"),
            Map.entry("org.springframework.util.unit.DataSize", "size"),
            Map.entry("java.nio.file.Path", "path"),
            Map.entry("java.time.ZoneId", "time zone"));

    private ConfigurationReference() {
    }

    /** The reference as the metadata of the compiled settings classes describes it. */
    static String render(Path metadata) {
        JsonNode root = read(metadata);
        Map<String, List<JsonNode>> byGroup = new TreeMap<>();
        for (JsonNode property : root.path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith("customs.")) {
                byGroup.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), group -> new ArrayList<>())
                        .add(property);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("<!-- Generated from the settings classes; do not edit by hand. After changing a setting, run:\n")
                .append("     ").append(REGENERATE).append(" -->\n\n")
                .append("Every `customs.*` setting of the bundle, with its default. Set them in\n")
                .append("`config/application.properties`, on the command line (`--customs.retry.delay=5s`) or as\n")
                .append("environment variables (`CUSTOMS_RETRY_DELAY=5s`). Durations take a unit: `500ms`, `10s`, `5m`,\n")
                .append("`1h`, `1d`; sizes too: `100MB`, `1GB`. A value out of range, or one that does not parse, stops\n")
                .append("start-up with a message naming the setting.\n");
        byGroup.forEach((group, properties) -> {
            out.append("\n## `").append(group).append("`\n\n")
                    .append("| Property | Type | Default | Description |\n")
                    .append("|---|---|---|---|\n");
            properties.stream().sorted(Comparator.comparing(p -> p.path("name").asText())).forEach(property ->
                    out.append("| `").append(property.path("name").asText()).append("` | ")
                            .append(type(property.path("type").asText())).append(" | ")
                            .append(defaultValue(property.path("defaultValue"))).append(" | ")
                            .append(description(property.path("description").asText())).append(" |\n"));
        });
        out.append("\n## Retired settings\n\n")
                .append("A configuration that still sets one of these stops start-up with a message naming the\n")
                .append("setting that replaces it.\n\n")
                .append("| Retired | Replaced by |\n")
                .append("|---|---|\n");
        RetiredProperties.REPLACED_BY.forEach((retired, replacement) ->
                out.append("| `").append(retired).append("` | `").append(replacement).append("` |\n"));
        return out.toString();
    }

    static void write(Path metadata, Path document) {
        try {
            Files.createDirectories(document.toAbsolutePath().getParent());
            Files.writeString(document, render(metadata));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path metadata) {
        try {
            return new ObjectMapper().readTree(metadata.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata + " (run mvn compile first)", e);
        }
    }

    private static String type(String javaType) {
        if (javaType.startsWith("java.util.Map")) {
            return "map";
        }
        if (javaType.startsWith("java.util.Set") || javaType.startsWith("java.util.List")) {
            return "list";
        }
        return TYPES.getOrDefault(javaType, javaType.substring(javaType.lastIndexOf('.') + 1));
    }

    private static String defaultValue(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return "`" + String.join(",", items) + "`";
        }
        String text = value.asText();
        // a set default comes as its toString: [a, b]
        return "`" + (text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text) + "`";
    }

    /** Angle brackets outside code spans would read as HTML in the rendered page. */
    private static String outsideCode(String markdown) {
        String[] parts = markdown.split("`", -1);
        for (int i = 0; i < parts.length; i += 2) {
            parts[i] = parts[i].replace("<", "&lt;").replace(">", "&gt;");
        }
        return String.join("`", parts);
    }

    private static String description(String javadoc) {
        Matcher tags = INLINE_TAG.matcher(javadoc.replaceAll("\\s+", " ").strip());
        StringBuilder text = new StringBuilder();
        while (tags.find()) {
            tags.appendReplacement(text, Matcher.quoteReplacement("`" + tags.group(1) + "`"));
        }
        tags.appendTail(text);
        String sentence = outsideCode(text.toString().replace("|", "\\|"));
        if (sentence.isEmpty()) {
            return sentence;
        }
        sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
