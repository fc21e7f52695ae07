package org.customsbridge.reports;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.report.*}: the daily reconciliation report.
 *
 * @param cron            when the report of the previous day is written (Quartz cron, in {@code timeZone})
 * @param timeZone        where a report day begins and ends, and the cron's time zone
 * @param pendingAlertAge declarations waiting for customs longer than this are listed in the report
 * @param directory       where reports are written; empty: {@code reports} in the outbox
 */
@ConfigurationProperties("customs.report")
@Validated
public record ReportSettings(
        @DefaultValue("0 0 1 * * ?") String cron,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("24h") Duration pendingAlertAge,
        Path directory) {

    public ReportSettings {
        if (pendingAlertAge.isNegative() || pendingAlertAge.isZero()) {
            throw new IllegalArgumentException("customs.report.pending-alert-age: must be positive, was "
                    + pendingAlertAge);
        }
    }

    /** These settings with {@code directory} where it was left empty. */
    public ReportSettings withDefaultDirectory(Path directoryIfEmpty) {
        return directory != null ? this : new ReportSettings(cron, timeZone, pendingAlertAge, directoryIfEmpty);
    }
}
