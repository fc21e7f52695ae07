package org.customsbridge.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.customsbridge.ledger.DeclarationStatus;

/**
 * Where one input file stands: records done of total, rate since it started, failures so far and
 * the time still to go at that rate.
 */
record FileProgress(String file, long total, long done, long failed, Duration elapsed) {

    /** Outcomes that need an operator's look: never accepted by Alipay, or no trusted answer yet. */
    static final Set<DeclarationStatus> FAILURES = Set.of(DeclarationStatus.INVALID,
            DeclarationStatus.DECLARE_FAILED, DeclarationStatus.UNKNOWN);

    static FileProgress of(String file, long total, Map<DeclarationStatus, Long> counts, Instant started,
                           Instant now) {
        long done = counts.values().stream().mapToLong(Long::longValue).sum();
        long failed = counts.entrySet().stream().filter(e -> FAILURES.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new FileProgress(file, total, done, failed, Duration.between(started, now));
    }

    /** Records per second since the file was started. */
    double rate() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** The time the remaining records take at the current rate; null while there is no rate yet. */
    Duration eta() {
        double rate = rate();
        if (rate <= 0) {
            return null;
        }
        return Duration.ofMillis(Math.round(Math.max(0, total - done) / rate * 1000));
    }

    /** The log line: {@code orders.csv: 120/1000 records (12%), 24.0/s, 3 failed so far, ETA 37s}. */
    String line() {
        Duration eta = eta();
        // Locale.ROOT: a decimal point whatever the server's locale, so that log parsers see one format.
        return String.format(Locale.ROOT, "%s: %d/%d records (%d%%), %.1f/s, %d failed so far, ETA %s", file, done,
                total, total == 0 ? 100 : done * 100 / total, rate(), failed, eta == null ? "unknown" : human(eta));
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
    }
}
