package org.customsbridge.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code customs.health.*}, {@code customs.metrics.*} and {@code customs.progress.*}: what the
 * operations endpoints check and how often. Out-of-range values stop start-up naming the property.
 *
 * @param health   {@code min-free-space}: the inbox or outbox is DOWN with less free space than this
 * @param metrics  {@code ledger-cache}: how long ledger counts are reused between scrapes
 * @param progress {@code interval}: how often a file in progress is logged
 */
@ConfigurationProperties("customs")
public record OperationsSettings(
        @DefaultValue Health health,
        @DefaultValue Metrics metrics,
        @DefaultValue Progress progress) {

    public record Health(@DefaultValue("100MB") DataSize minFreeSpace) {
        public Health {
            if (minFreeSpace.isNegative()) {
                throw new IllegalArgumentException("customs.health.min-free-space: must not be negative, was "
                        + minFreeSpace);
            }
        }
    }

    public record Metrics(@DefaultValue("5s") Duration ledgerCache) {
        public Metrics {
            if (ledgerCache.isNegative() || ledgerCache.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("customs.metrics.ledger-cache: 0 to 5m, was " + ledgerCache);
            }
        }
    }

    public record Progress(@DefaultValue("5s") Duration interval) {
        public Progress {
            if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("customs.progress.interval: 100ms to 1h, was " + interval);
            }
        }
    }
}
