package org.customsbridge.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Settings that are no longer read. A configuration that still sets one stops start-up with a
 * message naming the setting that replaces it, rather than running quietly on the default.
 */
public class RetiredProperties implements EnvironmentPostProcessor {

    /** Retired setting → the one that replaces it (a duration such as {@code 500ms}, {@code 10s}, {@code 5m}). */
    static final Map<String, String> REPLACED_BY = replacements();

    private static Map<String, String> replacements() {
        Map<String, String> replacedBy = new LinkedHashMap<>();
        replacedBy.put("customs.intake.file.poll-delay-ms", "customs.intake.file.poll-delay");
        replacedBy.put("customs.intake.file.stable-for-ms", "customs.intake.file.stable-for");
        replacedBy.put("customs.intake.file.lock-timeout-ms", "customs.intake.file.lock-timeout");
        replacedBy.put("customs.retransmission-check-ms", "customs.retransmission-check");
        replacedBy.put("customs.sinks.poll-delay-ms", "customs.sinks.poll-delay");
        replacedBy.put("customs.sinks.retry.delay-ms", "customs.sinks.retry.delay");
        return Collections.unmodifiableMap(replacedBy);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        REPLACED_BY.forEach((retired, replacement) -> {
            if (binder.bind(retired, String.class).isBound()) {
                throw new IllegalStateException(retired + ": no longer read, set " + replacement
                        + " instead (a duration such as 500ms, 10s or 5m)");
            }
        });
    }
}
