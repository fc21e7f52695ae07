package org.customsbridge.operations;

import java.time.OffsetDateTime;
import java.util.List;

import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.LedgerUnavailableException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the last declare call to one gateway came to, read from the ledger: a health check must not
 * send anything to Alipay. Calls still in flight have no outcome yet, so the last call with one
 * counts (in-flight calls are shown as a number). UP when it got a trusted answer; UNKNOWN when
 * there was no call yet or the last one got no trusted answer, which shows in the details without
 * turning the bundle's overall health DOWN for a remote outage that resends and tracking ride out.
 * The ledger is read through the {@link LedgerProbe}, bounded in time: while it does not answer, the
 * gateway is UNKNOWN with the reason, and the ledger's own component ({@code db}) is DOWN.
 */
public class GatewayHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final LedgerProbe ledger;
    private final String gateway;

    public GatewayHealthIndicator(JdbcTemplate jdbc, LedgerProbe ledger, String gateway) {
        super("gateway check failed");
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.gateway = gateway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            ledger.read(() -> {
                lastCall(builder);
                return null;
            });
        } catch (LedgerUnavailableException unreadable) {
            builder.unknown().withDetail("lastCall", unreadable.getMessage());
        }
    }

    private void lastCall(Health.Builder builder) {
        List<LastCall> calls = jdbc.query("""
                select last_declared_at, status, result_code from declaration
                where gateway = ? and status <> 'DECLARING' and last_declared_at = (
                    select max(last_declared_at) from declaration where gateway = ? and status <> 'DECLARING')
                order by declaration_request_id""",
                (rs, row) -> new LastCall(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3)),
                gateway, gateway);
        Long inFlight = jdbc.queryForObject("select count(*) from declaration where gateway = ? and status = 'DECLARING'",
                Long.class, gateway);
        builder.withDetail("callsInFlight", inFlight == null ? 0 : inFlight);
        if (calls.isEmpty()) {
            builder.unknown().withDetail("lastCall", "none yet");
            return;
        }
        LastCall last = calls.get(0);
        builder.withDetail("lastCallAt", last.at().toInstant().toString()).withDetail("status", last.status());
        if (last.code() != null) {
            builder.withDetail("code", last.code());
        }
        if (DeclarationStatus.UNKNOWN.name().equals(last.status())) {
            builder.unknown();
        } else {
            builder.up();
        }
    }

    private record LastCall(OffsetDateTime at, String status, String code) {
    }
}
