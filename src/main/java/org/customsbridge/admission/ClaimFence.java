package org.customsbridge.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.customsbridge.CustomsConstants;
import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.DeclarationRows;
import org.customsbridge.ledger.LedgerTime;
import org.customsbridge.ledger.NodeHeartbeat;

/**
 * The fencing check before every gateway call of a claimed declaration: the call goes out only while
 * this node still holds the claim.
 *
 * <p>A first call whose claim was made during this node's current unbroken run of heartbeats goes out
 * without asking the ledger: no other node can have taken this one for dead since the claim, so none
 * can have taken the claim over (its claim statement marked the call as sent). Any other call — a
 * resend, or a first call whose node missed beats since the claim — waits until this node's
 * heartbeat is written again (self-fencing), then marks itself as sent in one statement on the row
 * that changes it only while it carries this claim's token; if that finds another claim, or none, the
 * call does not go out ({@link ClaimLostException}).
 */
public class ClaimFence {

    private final DeclarationRows rows;
    private final NodeHeartbeat heartbeat;
    private final Duration claimTtl;
    private final Duration selfFenceWait;
    private final Clock clock;

    /**
     * @param claimTtl      how long a claim holds (a checked claim is renewed for as long)
     * @param selfFenceWait how long a call waits for this node's heartbeat to be written again before it
     *                      gives up (the ledger's outage wait)
     */
    public ClaimFence(DeclarationRows rows, NodeHeartbeat heartbeat, Duration claimTtl, Duration selfFenceWait,
                      Clock clock) {
        this.rows = rows;
        this.heartbeat = heartbeat;
        this.claimTtl = claimTtl;
        this.selfFenceWait = selfFenceWait;
        this.clock = clock;
    }

    /**
     * Lets a call of {@code id} under {@code claim} go out, or refuses it.
     *
     * @param redelivery Camel's redelivery counter of the call: above 0 for a resend, which is counted
     * @throws ClaimLostException when the row no longer carries this claim
     */
    public void beforeCall(@ExchangeProperty(CustomsConstants.DECLARATION_REQUEST_ID) String id,
                           @ExchangeProperty(CustomsConstants.CLAIM) Claim claim,
                           @Header(Exchange.REDELIVERY_COUNTER) Integer redelivery) {
        boolean resend = redelivery != null && redelivery > 0;
        if (!resend && heartbeat.heldThroughout(claim.at())
                && now().isBefore(claim.until().minus(heartbeat.callWindow()))) {
            return;
        }
        boolean counted = !resend;
        while (true) {
            heartbeat.awaitFresh(selfFenceWait);
            boolean count = !counted;
            boolean held = rows.autoCommitted(() -> {
                OffsetDateTime now = now();
                return rows.markCall(id, claim, count, now.plus(claimTtl), now);
            });
            if (!held) {
                throw new ClaimLostException(id);
            }
            counted = true;
            // the row is this claim's as of that statement; it stays so only while this node's heartbeat
            // keeps others from taking it for dead (the statement may have waited out an outage)
            if (heartbeat.isFresh()) {
                return;
            }
        }
    }

    private OffsetDateTime now() {
        return LedgerTime.now(clock);
    }
}
