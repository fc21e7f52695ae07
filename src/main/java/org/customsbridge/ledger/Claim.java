package org.customsbridge.ledger;

import java.time.OffsetDateTime;

/** Who may make a declaration's call, and until when: written on its row as it is claimed. */
public record Claim(String node, OffsetDateTime until) {
}
