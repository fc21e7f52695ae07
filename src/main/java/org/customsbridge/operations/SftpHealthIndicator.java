package org.customsbridge.operations;

import org.customsbridge.intake.SftpPolls;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The SFTP intake as its last poll left it: UP after a good poll, DOWN with the error and the
 * property to check after a failed one, UNKNOWN before the first. It never connects by itself, so
 * a monitoring system polling health adds no load on the ERP's server.
 */
public class SftpHealthIndicator extends AbstractHealthIndicator {

    private final SftpPolls polls;

    public SftpHealthIndicator(SftpPolls polls) {
        super("sftp check failed");
        this.polls = polls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("server", polls.address());
        SftpPolls.LastPoll last = polls.last();
        if (last == null) {
            builder.unknown().withDetail("lastPoll", "none yet");
        } else if (last.error() == null) {
            builder.up().withDetail("lastPollAt", last.at().toString());
        } else {
            builder.down().withDetail("lastPollAt", last.at().toString()).withDetail("error", last.error())
                    .withDetail("property", last.property()).withDetail("failuresInARow", last.failuresInARow());
        }
    }
}
