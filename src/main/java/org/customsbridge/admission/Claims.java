package org.customsbridge.admission;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.StoredDeclaration;

/**
 * Claims on declaration rows: a node claims a row for one declare call, and the claim holds while it
 * has not expired and the node that made it is alive. Nobody else calls for a held row.
 */
public class Claims {

    private final String node;
    private final Duration ttl;
    private final Predicate<String> nodeAlive;

    /**
     * @param node      this node's id, written on the rows it claims
     * @param ttl       how long a claim holds: longer than every call and resend it guards
     * @param nodeAlive whether a node (by id) still beats its heart
     */
    public Claims(String node, Duration ttl, Predicate<String> nodeAlive) {
        this.node = node;
        this.ttl = ttl;
        this.nodeAlive = nodeAlive;
    }

    /** A claim made by this node at {@code now}. */
    public Claim claim(OffsetDateTime now) {
        return new Claim(node, now.plus(ttl));
    }

    /** How long a claim holds. */
    public Duration ttl() {
        return ttl;
    }

    /** Whether a claim on {@code stored} still holds at {@code now}. */
    public boolean isHeld(StoredDeclaration stored, OffsetDateTime now) {
        return stored.claimedAt(now) && nodeAlive.test(stored.claimedBy());
    }
}
