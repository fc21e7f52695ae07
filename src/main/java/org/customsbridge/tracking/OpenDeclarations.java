package org.customsbridge.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The declarations customs has not settled yet ({@code ACCEPTED}, {@code CUSTOMS_PENDING},
 * {@code UNKNOWN}, and {@code DECLARING} ones whose claim lapsed: its time is up, or its node's heartbeat
 * is stale, as when the node crashed or was cut off from the ledger), in query batches per gateway.
 * Terminal ones are never asked about again.
 */
public class OpenDeclarations {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batchSize;
    private final Duration staleAfter;

    /** @param staleAfter how old a node's heartbeat is when its claims lapse */
    public OpenDeclarations(JdbcTemplate jdbc, Clock clock, int batchSize, Duration staleAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
        this.staleAfter = staleAfter;
    }

    public List<TrackingBatch> batches() {
        Map<String, List<String>> idsByGateway = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.query("""
                select declaration_request_id, gateway from declaration
                where status in ('ACCEPTED', 'CUSTOMS_PENDING', 'UNKNOWN', 'DECLARING')
                  and (claimed_until is null or claimed_until < ? or not exists (select 1 from bundle_node n
                       where n.node_id = declaration.claimed_by and n.heartbeat_at > ?))
                order by gateway, updated_at, declaration_request_id""", rs -> {
            idsByGateway.computeIfAbsent(rs.getString(2), g -> new ArrayList<>()).add(rs.getString(1));
        }, now, now.minus(staleAfter));
        List<TrackingBatch> batches = new ArrayList<>();
        idsByGateway.forEach((gateway, ids) -> {
            for (int from = 0; from < ids.size(); from += batchSize) {
                batches.add(new TrackingBatch(gateway, List.copyOf(ids.subList(from, Math.min(ids.size(),
                        from + batchSize)))));
            }
        });
        return batches;
    }
}
