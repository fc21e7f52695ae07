package org.customsbridge.admission;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.StoredDeclaration;

/**
 * Claims on declaration rows: a node claims a row for one declare call, and the claim holds while it
 * has not expired and the node that made it is alive. Nobody else calls for a held row. This node's
 * own claims hold only while the work that made them goes on: a claim whose work ended without an
 * outcome (its input postponed by a ledger outage) is resent at once when the input comes again,
 * not waited for until it expires.
 */
public class Claims {

    private final String node;
    private final Duration ttl;
    private final Predicate<String> nodeAlive;
    private final Set<String> ownInFlight = ConcurrentHashMap.newKeySet();

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
        Claim claim = Claim.made(node, now, ttl);
        ownInFlight.add(claim.token());
        return claim;
    }

    /** The work of {@code claim} has ended (outcome recorded or not): it holds no longer on this node. */
    public void release(Claim claim) {
        if (claim != null) {
            ownInFlight.remove(claim.token());
        }
    }

    /** This node's id. */
    public String node() {
        return node;
    }

    /** How long a claim holds. */
    public Duration ttl() {
        return ttl;
    }

    /** Whether a claim on {@code stored} still holds at {@code now}. */
    public boolean isHeld(StoredDeclaration stored, OffsetDateTime now) {
        if (node.equals(stored.claimedBy())) {
            return stored.claimedAt(now) && stored.claimToken() != null && ownInFlight.contains(stored.claimToken());
        }
        return stored.claimedAt(now) && nodeAlive.test(stored.claimedBy());
    }
}
