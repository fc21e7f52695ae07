package org.customsbridge.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.health.*}, {@code customs.metrics.*} and {@code customs.progress.*}: what the
 * operations endpoints check and how often. Out-of-range values stop start-up naming the property.
 *
 * @param health   health of the folders the bundle writes to
 * @param metrics  the ledger gauges of the Prometheus scrape
 * @param progress the log of files still being declared
 */
@ConfigurationProperties("customs")
@Validated
public record OperationsSettings(
        @DefaultValue Health health,
        @DefaultValue Metrics metrics,
        @DefaultValue Progress progress) {

    /**
     * @param minFreeSpace the inbox or outbox is DOWN (and the bundle not ready) with less free space than this
     */
    public record Health(@DefaultValue("100MB") DataSize minFreeSpace) {
        public Health {
            if (minFreeSpace.isNegative()) {
                throw new IllegalArgumentException("customs.health.min-free-space: must not be negative, was "
                        + minFreeSpace);
            }
        }
    }

    /**
     * @param ledgerCache ledger counts behind the {@code customs_declarations*} gauges are reused this long,
     *                    so that a scrape stays cheap
     */
    public record Metrics(@DefaultValue("5s") Duration ledgerCache) {
        public Metrics {
            if (ledgerCache.isNegative() || ledgerCache.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("customs.metrics.ledger-cache: 0 to 5m, was " + ledgerCache);
            }
        }
    }

    /**
     * @param interval one INFO line per file still being declared this often (records done/total, rate,
     *                 failures, ETA)
     */
    public record Progress(@DefaultValue("5s") Duration interval) {
        public Progress {
            if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("customs.progress.interval: 100ms to 1h, was " + interval);
            }
        }
    }
}
