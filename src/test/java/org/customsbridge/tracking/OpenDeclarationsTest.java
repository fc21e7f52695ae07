package org.customsbridge.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;

import java.time.Duration;

import org.customsbridge.ledger.Claim;
import org.customsbridge.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;

/** Which declarations tracking asks about (a real schema, no bundle). */
class OpenDeclarationsTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final OpenDeclarations open = new OpenDeclarations(ledger.jdbc, ledger.clock, 10, Duration.ofSeconds(6));

    @Test
    void aCallInFlightIsOpenOnlyOnceItsNodeIsTakenForDeadOrItsClaimIsUp() {
        beat("live-node", Duration.ZERO);
        beat("cut-off-node", Duration.ofSeconds(7));
        claim("LIVE-1", "live-node", Duration.ofMinutes(2));
        claim("CUT-1", "cut-off-node", Duration.ofMinutes(2));
        claim("GONE-1", "unknown-node", Duration.ofMinutes(2));
        claim("OLD-1", "live-node", Duration.ofSeconds(-1));

        assertThat(open.batches()).flatExtracting(TrackingBatch::declarationRequestIds)
                .containsExactlyInAnyOrder("CUT-1", "GONE-1", "OLD-1");
    }

    void beat(String node, Duration ago) {
        ledger.jdbc.update("insert into bundle_node (node_id, started_at, heartbeat_at) values (?, ?, ?)", node,
                ledger.now().minus(ago), ledger.now().minus(ago));
    }

    void claim(String id, String node, Duration ttl) {
        ledger.rows.insertClaimed(declaration(id), source(1), Claim.made(node, ledger.now(), ttl), ledger.now());
    }
}
