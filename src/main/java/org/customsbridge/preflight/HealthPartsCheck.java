package org.customsbridge.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The parts the bundle's health already checks — the ledger's database, the broker, the inbox and
 * the outbox (exists, writable, free space) — checked once by the same indicators, so that preflight
 * and {@code /actuator/health} never disagree about what "working" means.
 */
public class HealthPartsCheck implements PreflightCheck {

    /**
     * @param indicator  the health contributor's name ({@code db}, {@code jms}, {@code inbox}, ...)
     * @param part       how preflight names the part
     * @param properties what to check when it fails
     */
    public record Part(String indicator, String part, String properties) {
    }

    private final HealthContributorRegistry registry;
    private final List<Part> parts;

    public HealthPartsCheck(HealthContributorRegistry registry, List<Part> parts) {
        this.registry = registry;
        this.parts = parts;
    }

    @Override
    public List<PreflightResult> check() {
        List<PreflightResult> results = new ArrayList<>();
        for (Part part : parts) {
            HealthContributor contributor = registry.getContributor(part.indicator());
            if (!(contributor instanceof HealthIndicator indicator)) {
                continue; // not configured here (no broker, ...)
            }
            var health = indicator.health();
            Map<String, Object> details = health.getDetails();
            if (Status.UP.equals(health.getStatus())) {
                results.add(PreflightResult.ok(part.part(), describe(details)));
            } else {
                Object error = details.getOrDefault("error", health.getStatus().getCode());
                results.add(PreflightResult.failed(part.part(), error + (details.containsKey("path")
                        ? " (" + details.get("path") + ")" : "") + ": check " + part.properties()));
            }
        }
        return results;
    }

    private static String describe(Map<String, Object> details) {
        if (details.get("path") != null) {
            Object free = details.get("freeBytes");
            return details.get("path") + (free instanceof Number bytes ? ", " + (bytes.longValue() >> 20)
                    + " MB free" : "");
        }
        if (details.get("database") != null) {
            return String.valueOf(details.get("database"));
        }
        if (details.get("provider") != null) {
            return String.valueOf(details.get("provider"));
        }
        return "";
    }
}
