package org.customsbridge.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The ledger keeps every time in UTC, whatever the JVM's zone. */
public final class LedgerTime {

    private LedgerTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
