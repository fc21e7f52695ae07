package org.customsbridge.operations;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The ledger's database ({@code db}, part of readiness): UP while the background probe gets answers,
 * DOWN with the failure and since when it does not; which database it is ({@code database}, as Spring
 * Boot's own component shows it). Answers at once even while the database hangs.
 */
public class LedgerHealthIndicator extends AbstractHealthIndicator {

    private final LedgerProbe probe;

    public LedgerHealthIndicator(LedgerProbe probe) {
        super("ledger check failed");
        this.probe = probe;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LedgerProbe.Reading reading = probe.reading();
        if (reading.database() != null) {
            builder.withDetail("database", reading.database());
        }
        if (reading.lastAnswerAt() != null) {
            builder.withDetail("lastAnswerAt", reading.lastAnswerAt().toString());
        }
        if (reading.reachable()) {
            if (reading.lastAnswerAt() == null) {
                builder.unknown().withDetail("error", "not read yet");
            } else {
                builder.up();
            }
            return;
        }
        builder.down().withDetail("error", reading.problem())
                .withDetail("since", reading.problemSince().toString());
    }
}
