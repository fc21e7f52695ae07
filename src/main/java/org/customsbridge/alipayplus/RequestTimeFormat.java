package org.customsbridge.alipayplus;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the {@code Request-Time} header of an Alipay+ call is written: the one place that choice
 * lives. Alipay+'s pages show ISO-8601 with an offset ({@code 2019-05-28T12:12:12+08:00}); Alipay's
 * Java SDK sends epoch milliseconds instead. Either way the signature covers the very text sent.
 * Chosen by {@code customs.alipay-plus.request-time-format}.
 */
public enum RequestTimeFormat {

    /** ISO-8601 to the second with the clock's offset, e.g. {@code 2026-11-24T10:15:30+08:00} ({@code Z} in UTC). */
    ISO_OFFSET {
        @Override
        public String now(Clock clock) {
            return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    },

    /** Milliseconds since the epoch, as Alipay's Java SDK sends them, e.g. {@code 1795486530000}. */
    EPOCH_MILLIS {
        @Override
        public String now(Clock clock) {
            return Long.toString(clock.millis());
        }
    };

    /** The header value for the clock's current instant. */
    public abstract String now(Clock clock);
}
