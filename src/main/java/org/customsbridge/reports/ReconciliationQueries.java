package org.customsbridge.reports;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.record.Fields;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one day of the ledger for the reconciliation report. The customs code lives only in the
 * stored request fields, so each row's JSON is read for that one field and nothing else of it
 * (the buyer's identity is in there too) is kept. Rows are streamed, never a day held in memory.
 */
public class ReconciliationQueries {

    /** Invalid records may have no stored fields, and records without a valid id none at all: no customs code. */
    static final String NO_CUSTOMS_CODE = "(none)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReconciliationQueries(JdbcTemplate jdbc, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Reconciliation day(LocalDate date, ZoneId zone, Duration pendingAlertAge) {
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, long[]> byCode = new TreeMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        // Every public status, so that days compare at a glance; the internal DECLARING only if it occurs.
        for (DeclarationStatus status : DeclarationStatus.values()) {
            if (status != DeclarationStatus.DECLARING) {
                byStatus.put(status.name(), 0L);
            }
        }
        jdbc.query("select status, request_fields from declaration where created_at >= ? and created_at < ?", rs -> {
            String status = rs.getString(1);
            byStatus.merge(status, 1L, Long::sum);
            count(byCode.computeIfAbsent(customsCode(rs.getString(2)), c -> new long[7]),
                    DeclarationStatus.valueOf(status));
        }, from, to);
        List<Reconciliation.RejectedRecord> rejected = rejected(from, to);
        if (!rejected.isEmpty()) {
            // records without a valid id are invalid records of the day too, without a customs code
            byStatus.merge(DeclarationStatus.INVALID.name(), (long) rejected.size(), Long::sum);
            byCode.computeIfAbsent(NO_CUSTOMS_CODE, c -> new long[7])[6] += rejected.size();
        }
        List<Reconciliation.CustomsCodeRow> rows = new ArrayList<>();
        byCode.forEach((code, c) -> rows.add(new Reconciliation.CustomsCodeRow(code, c[0], c[1], c[2], c[3], c[4],
                c[5], c[6])));
        Instant now = clock.instant();
        return new Reconciliation(date, now, rows, byStatus, pending(now, pendingAlertAge), rejected);
    }

    private List<Reconciliation.RejectedRecord> rejected(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("""
                select source, source_line, raw_request_id, message, at from rejected_record
                where at >= ? and at < ? order by at, id""", (rs, row) -> new Reconciliation.RejectedRecord(
                rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant()), from, to);
    }

    /** declared, accepted by Alipay, customs accepted, customs rejected, pending, failed, invalid. */
    private static void count(long[] c, DeclarationStatus status) {
        switch (status) {
            case INVALID -> c[6]++;
            case DECLARE_FAILED -> {
                c[0]++;
                c[5]++;
            }
            case CUSTOMS_ACCEPTED -> {
                c[0]++;
                c[1]++;
                c[2]++;
            }
            case CUSTOMS_REJECTED -> {
                c[0]++;
                c[1]++;
                c[3]++;
            }
            case ACCEPTED, CUSTOMS_PENDING -> {
                c[0]++;
                c[1]++;
                c[4]++;
            }
            case UNKNOWN, DECLARING -> {
                c[0]++;
                c[4]++;
            }
        }
    }

    private List<Reconciliation.PendingDeclaration> pending(Instant now, Duration alertAge) {
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(alertAge), ZoneOffset.UTC);
        return jdbc.query("""
                select declaration_request_id, payment_id, gateway, status, created_at from declaration
                where status in ('ACCEPTED', 'CUSTOMS_PENDING', 'UNKNOWN') and created_at < ?
                order by created_at, declaration_request_id""", (rs, row) -> {
            Instant created = rs.getObject(5, OffsetDateTime.class).toInstant();
            return new Reconciliation.PendingDeclaration(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), created, Duration.between(created, now).toHours());
        }, before);
    }

    private String customsCode(String requestFields) {
        if (requestFields == null || requestFields.isEmpty()) {
            return NO_CUSTOMS_CODE;
        }
        try {
            JsonNode code = mapper.readTree(requestFields).get(Fields.CUSTOMS_CODE);
            return code == null || code.asText().isEmpty() ? NO_CUSTOMS_CODE : code.asText();
        } catch (IOException e) {
            return NO_CUSTOMS_CODE;
        }
    }
}
