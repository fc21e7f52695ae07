package org.customsbridge.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The ledger keeps every time in UTC, whatever the JVM's zone. */
public final class LedgerTime {

    /**
     * Before any time the ledger holds: the lower bound of a range read meant to take every row that has
     * a time (and none without: H2's indexes sort NULL first, and an open range would walk those too).
     */
    public static final OffsetDateTime BEFORE_ANY_ROW = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private LedgerTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
