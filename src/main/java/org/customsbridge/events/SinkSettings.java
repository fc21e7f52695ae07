package org.customsbridge.events;

import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.sinks.*}: how the status sinks poll the outbox and retry a failed delivery. The
 * sinks themselves are {@code customs.sinks=file,erp-http} and each sink's template parameters
 * {@code customs.sinks.<name>.*} (see {@link StatusSinks}).
 *
 * @param pollDelay how often each sink looks for new status events
 * @param retry     how a delivery that failed is retried before the event is parked in the dead-letter file
 */
@Validated
@ConfigurationProperties("customs.sinks")
public record SinkSettings(
        @DefaultValue("500ms") Duration pollDelay,
        @DefaultValue Retry retry) {

    public SinkSettings {
        if (pollDelay.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("customs.sinks.poll-delay: at least 10ms, was " + pollDelay);
        }
    }

    /**
     * A failed delivery is retried with growing delays, then the event is parked.
     *
     * @param maxRedeliveries retries after the first delivery attempt; 0 parks a failed event at once
     * @param delay           wait before the first retry; it doubles with each one
     */
    public record Retry(
            @DefaultValue("5") int maxRedeliveries,
            @DefaultValue("1s") Duration delay) {

        public Retry {
            if (maxRedeliveries < 0 || maxRedeliveries > 100) {
                throw new IllegalArgumentException("customs.sinks.retry.max-redeliveries: 0 to 100, was " + maxRedeliveries);
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("customs.sinks.retry.delay: must not be negative, was " + delay);
            }
        }

        /** The redelivery policy of the sinks' error handling ({@code redeliveryPolicyRef: statusSinkRedelivery}). */
        public RedeliveryPolicy policy() {
            RedeliveryPolicy policy = new RedeliveryPolicy();
            policy.setMaximumRedeliveries(maxRedeliveries);
            policy.setRedeliveryDelay(delay.toMillis());
            policy.setUseExponentialBackOff(true);
            policy.setBackOffMultiplier(2);
            policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
            policy.setLogStackTrace(false);
            return policy;
        }
    }
}
