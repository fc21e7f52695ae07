package org.customsbridge.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customsbridge.testsupport.Declarations.declaration;
import static org.customsbridge.testsupport.Declarations.source;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.customsbridge.ledger.Claim;
import org.customsbridge.ledger.LedgerUnavailableException;
import org.customsbridge.ledger.NodeHeartbeat;
import org.customsbridge.ledger.StoredDeclaration;
import org.customsbridge.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;

/**
 * The fencing check before every call, on a real ledger schema (in-memory H2, or PostgreSQL with
 * -Ppostgres), without the bundle: a node's heartbeat written (or not) as the test moves the clock.
 */
class ClaimFenceTest {

    static final Duration BEAT = Duration.ofSeconds(2);
    static final Duration TTL = Duration.ofMinutes(2);

    final LedgerDatabase ledger = LedgerDatabase.create();
    final NodeHeartbeat heartbeat = new NodeHeartbeat(ledger.jdbc, ledger.clock, BEAT);
    final ClaimFence fence = new ClaimFence(ledger.rows, heartbeat, TTL, Duration.ZERO, ledger.clock);

    @Test
    void aFirstCallUnderAClaimMadeWhileTheHeartbeatWentOnGoesOut() {
        Claim claim = claimNew("DEC-1");
        ledger.clock.advance(BEAT);
        heartbeat.beat();

        fence.beforeCall("DEC-1", claim, null);

        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(1);
    }

    @Test
    void eachResendIsCheckedCountedAndRenewsTheClaim() {
        Claim claim = claimNew("DEC-1");
        ledger.clock.advance(Duration.ofSeconds(1));

        fence.beforeCall("DEC-1", claim, 1);
        fence.beforeCall("DEC-1", claim, 2);

        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(3);
        assertThat(ledger.column("DEC-1", "last_declared_at", OffsetDateTime.class)).isEqualTo(ledger.now());
        assertThat(ledger.column("DEC-1", "claimed_until", OffsetDateTime.class)).isEqualTo(ledger.now().plus(TTL));
    }

    @Test
    void aResendUnderAClaimAnotherNodeTookOverIsNotMade() {
        Claim claim = claimNew("DEC-1");
        takeOver("DEC-1", "other-node");

        assertThatThrownBy(() -> fence.beforeCall("DEC-1", claim, 1)).isInstanceOf(ClaimLostException.class)
                .hasMessageContaining("DEC-1");
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).as("not counted").isEqualTo(2);
        assertThat(ledger.column("DEC-1", "claimed_by", String.class)).isEqualTo("other-node");
    }

    @Test
    void aResendAfterTheOutcomeReleasedTheClaimIsNotMade() {
        Claim claim = claimNew("DEC-1");
        ledger.rows.recordOutcome(org.customsbridge.ledger.DeclareOutcome.unknown("DEC-1", "NO_ANSWER", "timeout"),
                ledger.now());

        assertThatThrownBy(() -> fence.beforeCall("DEC-1", claim, 1)).isInstanceOf(ClaimLostException.class);
    }

    @Test
    void aNodeWhoseHeartbeatWentUnwrittenMakesNoCall() {
        Claim claim = claimNew("DEC-1");
        ledger.clock.advance(heartbeat.callWindow());

        assertThat(heartbeat.isFresh()).isFalse();
        assertThatThrownBy(() -> fence.beforeCall("DEC-1", claim, null))
                .isInstanceOf(LedgerUnavailableException.class).hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> fence.beforeCall("DEC-1", claim, 1)).isInstanceOf(LedgerUnavailableException.class);
        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).isEqualTo(1);
    }

    @Test
    void afterItsHeartbeatIsWrittenAgainItsFirstCallIsCheckedOnTheRow() {
        Claim claim = claimNew("DEC-1");
        ledger.clock.advance(heartbeat.staleAfter().plusSeconds(1));
        takeOver("DEC-1", "other-node");
        assertThat(heartbeat.beat()).isTrue();

        assertThat(heartbeat.heldThroughout(claim.at())).as("the claim predates the gap").isFalse();
        assertThatThrownBy(() -> fence.beforeCall("DEC-1", claim, null)).isInstanceOf(ClaimLostException.class);
    }

    @Test
    void afterItsHeartbeatIsWrittenAgainAClaimNobodyTookIsStillItsOwn() {
        Claim claim = claimNew("DEC-1");
        ledger.clock.advance(heartbeat.staleAfter().plusSeconds(1));
        heartbeat.beat();

        fence.beforeCall("DEC-1", claim, null);

        assertThat(ledger.column("DEC-1", "attempts", Integer.class)).as("a first call, counted by its claim")
                .isEqualTo(1);
        assertThat(ledger.column("DEC-1", "claimed_until", OffsetDateTime.class)).isEqualTo(ledger.now().plus(TTL));
    }

    @Test
    void aClaimMadeAfterTheHeartbeatCameBackNeedsNoCheck() {
        ledger.clock.advance(heartbeat.staleAfter().plusSeconds(1));
        heartbeat.beat();
        Claim claim = claimNew("DEC-1");

        assertThat(heartbeat.heldThroughout(claim.at())).isTrue();
        fence.beforeCall("DEC-1", claim, null);
    }

    @Test
    void aHeartbeatWhoseRowIsGoneRegistersTheNodeAgain() {
        ledger.jdbc.update("delete from bundle_node");

        assertThat(heartbeat.beat()).isTrue();

        assertThat(ledger.jdbc.queryForObject("select count(*) from bundle_node where node_id = ?", Integer.class,
                heartbeat.nodeId())).isEqualTo(1);
    }

    Claim claimNew(String id) {
        Claim claim = Claim.made(heartbeat.nodeId(), ledger.now(), TTL);
        ledger.rows.insertClaimed(declaration(id), source(1), claim, ledger.now());
        return claim;
    }

    void takeOver(String id, String node) {
        ledger.rows.inTransaction(() -> {
            StoredDeclaration stored = ledger.rows.lock(id).orElseThrow();
            ledger.rows.claimForResend(declaration(id), stored.origin(), stored, Claim.made(node, ledger.now(), TTL),
                    ledger.now());
            return null;
        });
    }
}
