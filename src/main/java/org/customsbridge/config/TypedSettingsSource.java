package org.customsbridge.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.spi.PropertiesSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * The routes' {@code {{customs.*}}} placeholders, answered from the typed settings rather than from
 * the raw environment, so that a setting the user left out resolves to the default its settings class
 * declares (defaults are written once, in the binding). A placeholder names a property as the user
 * writes it ({@code customs.intake.file.poll-delay}) or a value the settings class derives from them
 * ({@code customs.retry.max-redeliveries}, a method of {@link CustomsProperties.Retry}). Durations come
 * out as {@code <millis>ms} and sizes as {@code <bytes>B}; {@link MillisFunction} turns a duration into
 * the plain milliseconds some Camel options take.
 * <p>
 * Camel finds this source in the registry when its properties component starts; a placeholder no
 * settings class answers falls through to the Spring environment.
 */
public class TypedSettingsSource implements PropertiesSource {

    private static final String PREFIX = "customs.";

    private final ApplicationContext context;
    private final Map<String, Optional<String>> resolved = new ConcurrentHashMap<>();
    private volatile List<ConfigurationPropertiesBean> settings;

    public TypedSettingsSource(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return "customs-settings";
    }

    @Override
    public String getProperty(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        return resolved.computeIfAbsent(name, this::lookUp).orElse(null);
    }

    private Optional<String> lookUp(String name) {
        for (ConfigurationPropertiesBean bean : settings()) {
            String prefix = bean.getAnnotation().prefix();
            if (name.startsWith(prefix + ".")) {
                Optional<Object> value = walk(bean.getInstance(), name.substring(prefix.length() + 1).split("\\."));
                if (value.isPresent()) {
                    return value.map(TypedSettingsSource::text);
                }
            }
        }
        return Optional.empty();
    }

    /** The settings classes of this bundle, the most specific prefix first. */
    private List<ConfigurationPropertiesBean> settings() {
        List<ConfigurationPropertiesBean> known = settings;
        if (known == null) {
            known = ConfigurationPropertiesBean.getAll(context).values().stream()
                    .filter(bean -> bean.getAnnotation().prefix().startsWith("customs"))
                    .sorted(Comparator.comparingInt((ConfigurationPropertiesBean bean)
                            -> bean.getAnnotation().prefix().length()).reversed())
                    .toList();
            settings = known;
        }
        return known;
    }

    /** Follows {@code poll-delay} to {@code pollDelay()}, and a map's key to its value. */
    private static Optional<Object> walk(Object value, String[] path) {
        Object current = value;
        for (String segment : path) {
            if (current == null) {
                return Optional.empty();
            }
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
                continue;
            }
            Optional<Method> accessor = accessor(current.getClass(), segment);
            if (accessor.isEmpty()) {
                return Optional.empty();
            }
            try {
                current = accessor.get().invoke(current);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read setting " + segment + " of " + current.getClass(), e);
            }
        }
        return Optional.ofNullable(current);
    }

    private static Optional<Method> accessor(Class<?> type, String kebabName) {
        String name = camelCase(kebabName);
        try {
            Method method = type.getMethod(name);
            return Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
                    ? Optional.empty() : Optional.of(method);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static String camelCase(String kebabName) {
        StringBuilder name = new StringBuilder(kebabName.length());
        boolean upper = false;
        for (char c : kebabName.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static String text(Object value) {
        if (value instanceof Duration duration) {
            return duration.toMillis() + "ms";
        }
        if (value instanceof DataSize size) {
            return size.toBytes() + "B";
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(TypedSettingsSource::text).collect(Collectors.joining(","));
        }
        return value.toString();
    }
}
