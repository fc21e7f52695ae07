package org.customsbridge.preflight;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code customs.preflight=true}: the same configuration as a normal start, but no route starts by
 * itself — no intake takes a file or message, no schedule runs, no sink delivers — and the web
 * server takes a free port, so that preflight can run beside a bundle that is already up. The
 * checks start what they need themselves.
 */
public class PreflightMode implements EnvironmentPostProcessor {

    public static final String PROPERTY = "customs.preflight";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("customs-preflight", Map.of(
                "camel.main.auto-startup", "false",
                "server.port", "0",
                "spring.main.banner-mode", "off")));
        // quiet by default, so that the check's own lines stand out; a user's logging.level wins
        environment.getPropertySources().addLast(new MapPropertySource("customs-preflight-logging", Map.of(
                "logging.level.root", "WARN")));
    }

    /** Whether the command line or the environment asks for a preflight, before Spring has started. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--" + PROPERTY) || a.equals("--" + PROPERTY + "=true"))
                || Boolean.parseBoolean(System.getProperty(PROPERTY))
                || Boolean.parseBoolean(System.getenv("CUSTOMS_PREFLIGHT"));
    }
}
