package org.customsbridge.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The contract's properties are Spring Boot durations and counts ({@code customs.retry.delay=10s});
 * Camel endpoint and redelivery options want milliseconds and redelivery counts. This adds the
 * derived forms the routes use ({@code customs.retry.delay-ms}, {@code customs.retry.max-redeliveries},
 * {@code customs.tracking.poll-interval-ms}, {@code customs.progress.interval-ms}, {@code customs.http.timeout-ms}), always computed
 * from the user's values.
 */
public class DerivedProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("customs.retry.delay-ms", millis(environment, "customs.retry.delay", "10s"));
        derived.put("customs.tracking.poll-interval-ms", millis(environment, "customs.tracking.poll-interval", "5m"));
        derived.put("customs.progress.interval-ms", millis(environment, "customs.progress.interval", "5s"));
        derived.put("customs.http.timeout-ms", millis(environment, "customs.http.timeout", "30s"));
        derived.put("customs.retry.max-redeliveries", Math.max(0,
                Integer.parseInt(environment.getProperty("customs.retry.max-attempts", "5").strip()) - 1));
        // SftpSettings binds the SFTP intake's durations; one that does not parse is named here first
        millis(environment, "customs.intake.sftp.poll-delay", "5s");
        millis(environment, "customs.intake.sftp.stable-for", "1s");
        environment.getPropertySources().addLast(new MapPropertySource("customs-derived", derived));
    }

    private static long millis(ConfigurableEnvironment environment, String property, String fallback) {
        String value = environment.getProperty(property, fallback).strip();
        try {
            Duration duration = DurationStyle.detectAndParse(value);
            return duration.toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": not a duration such as 500ms, 10s or 5m: " + value, e);
        }
    }
}
