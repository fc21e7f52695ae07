package org.customsbridge.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customs.ledger.*}: how the bundle rides out a database it cannot reach, and how it groups
 * its commits. Out-of-range values
 * stop start-up naming the property.
 *
 * @param outageWait how long a declare worker waits for a ledger that cannot be reached (restart,
 *                   failover, connections killed) before it gives up its record; the record's file
 *                   then stays in the inbox untouched and is declared again whole at the next poll, and
 *                   a call already made whose outcome could not be written is settled by tracking like
 *                   a call cut off by a crash
 * @param probeInterval the health check reads the ledger in the background this often, so that
 *                      {@code /actuator/health} answers at once even while the database does not
 * @param probeTimeout the ledger is DOWN in health (and the bundle not ready) when a background read
 *                     has not answered within this
 * @param groupCommit the most declare workers' ledger writes (a claim of a new id, the outcome of a
 *                    first call) committed in one transaction: writes that arrive while a commit is
 *                    under way wait for the next and share it, so a busy bundle pays one commit for many
 *                    declarations; a worker still goes on only once its own write is committed. 1
 *                    commits each write alone
 */
@ConfigurationProperties("customs.ledger")
public record LedgerSettings(
        @DefaultValue("2m") Duration outageWait,
        @DefaultValue("1s") Duration probeInterval,
        @DefaultValue("3s") Duration probeTimeout,
        @DefaultValue("64") int groupCommit) {

    public LedgerSettings {
        if (outageWait.isNegative() || outageWait.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("customs.ledger.outage-wait: 0 to 1h, was " + outageWait);
        }
        if (probeInterval.compareTo(Duration.ofMillis(100)) < 0 || probeInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("customs.ledger.probe-interval: 100ms to 1m, was " + probeInterval);
        }
        if (probeTimeout.compareTo(Duration.ofMillis(100)) < 0 || probeTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("customs.ledger.probe-timeout: 100ms to 1m, was " + probeTimeout);
        }
        if (groupCommit < 1 || groupCommit > 1000) {
            throw new IllegalArgumentException("customs.ledger.group-commit: 1 to 1000, was " + groupCommit);
        }
    }
}
