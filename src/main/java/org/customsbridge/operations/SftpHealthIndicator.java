package org.customsbridge.operations;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.customsbridge.intake.SftpPolls;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The SFTP intake as its last poll left it: UP after a good poll, DOWN with the error and the
 * property to check after a failed one, UNKNOWN before the first. It never connects by itself, so
 * a monitoring system polling health adds no load on the ERP's server. A route that could not be
 * made or was stopped is DOWN too (Camel only logs a route added after start-up that fails).
 */
public class SftpHealthIndicator extends AbstractHealthIndicator {

    private static final String ROUTE = "sftp-intake";

    private final SftpPolls polls;
    private final CamelContext camel;

    public SftpHealthIndicator(SftpPolls polls, CamelContext camel) {
        super("sftp check failed");
        this.polls = polls;
        this.camel = camel;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("server", polls.address());
        ServiceStatus route = camel.getRouteController().getRouteStatus(ROUTE);
        if (route == null || !route.isStarted()) {
            builder.down().withDetail("error", "route " + ROUTE + " is " + (route == null
                    ? "missing (see the start-up log)" : route.name().toLowerCase(Locale.ROOT)));
            return;
        }
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
