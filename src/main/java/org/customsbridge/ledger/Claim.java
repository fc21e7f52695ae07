package org.customsbridge.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Who may make a declaration's call, and until when: written on its row as it is claimed.
 *
 * @param node  the node that made the claim
 * @param token this claim's own fencing token: the row keeps it while the claim is this one
 * @param at    when the claim was made
 * @param until when it lapses, whether or not its node is alive
 */
public record Claim(String node, String token, OffsetDateTime at, OffsetDateTime until) {

    /** A new claim by {@code node}, made at {@code at} and holding for {@code ttl}, with a fresh token. */
    public static Claim made(String node, OffsetDateTime at, Duration ttl) {
        return new Claim(node, UUID.randomUUID().toString(), at, at.plus(ttl));
    }
}
