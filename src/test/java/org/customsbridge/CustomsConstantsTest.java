package org.customsbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The routes and the beans meet only through the names of {@link CustomsConstants}: every exchange
 * property and header of our own that a route sets or reads is one of them.
 */
class CustomsConstantsTest {

    /** {@code ${exchangeProperty.x}}, {@code ${header.x}}, and the name of a setProperty or setHeader step. */
    private static final Pattern USE = Pattern.compile(
            "\\$\\{(?:exchangeProperty|header)\\.([A-Za-z][\\w-]*)|set(?:Property|Header):\\s*\\n\\s*name:\\s*([\\w-]+)");

    @Test
    void everyNameTheRoutesUseIsDefinedOnce() throws IOException {
        Set<String> used = namesUsedByRoutes();
        // Camel's own (Camel...), JMS's and HTTP's headers (Accept, Content-Type) are capitalised; ours are not,
        // but for the JMS header CustomsReason
        Set<String> ours = used.stream().filter(name -> Character.isLowerCase(name.charAt(0))
                || name.startsWith("Customs")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(constants()).containsAll(ours);
    }

    @Test
    void namesAreUnique() {
        assertThat(constants()).doesNotHaveDuplicates();
    }

    private static Set<String> namesUsedByRoutes() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Matcher matcher = USE.matcher(Files.readString(route));
                while (matcher.find()) {
                    names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        assertThat(names).as("names found in routes/").contains("customsRecord", "customsDeclaration");
        return names;
    }

    private static List<String> constants() {
        return Arrays.stream(CustomsConstants.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(CustomsConstantsTest::value).toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
