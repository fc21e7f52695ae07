package org.customsbridge.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.customsbridge.ledger.DeclarationStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only questions to the ledger for the status API. Plain SQL that H2 and PostgreSQL both
 * run; it never selects {@code request_fields} (buyer identity) nor the claim columns.
 */
public class DeclarationQueries {

    private static final String COLUMNS = """
            declaration_request_id, payment_id, gateway, status, result_code, result_message,
            alipay_declaration_id, alipay_payment_id, customs_result_code, customs_result_message,
            customs_result_at, attempts, source, source_line, created_at, updated_at""";

    private final JdbcTemplate jdbc;

    public DeclarationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of {@code declarationRequestId} with its history, oldest change first. */
    public Optional<DeclarationView> find(String declarationRequestId) {
        return jdbc.query("select " + COLUMNS + " from declaration where declaration_request_id = ?",
                        DeclarationQueries::view, declarationRequestId).stream().findFirst()
                .map(view -> view.withHistory(history(declarationRequestId)));
    }

    /** Declarations with {@code status} (any if null) updated at or after {@code since} (any if null). */
    public DeclarationPage page(DeclarationStatus status, Instant since, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            arguments.add(status.name());
        }
        if (since != null) {
            where.append(" and updated_at >= ?");
            arguments.add(OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
        }
        Long total = jdbc.queryForObject("select count(*) from declaration" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add((long) page * size);
        paged.add(size);
        // OFFSET ... FETCH is the SQL standard form; H2 and PostgreSQL both take it.
        List<DeclarationView> items = jdbc.query("select " + COLUMNS + " from declaration" + where
                        + " order by updated_at desc, declaration_request_id offset ? rows fetch next ? rows only",
                DeclarationQueries::view, paged.toArray());
        return new DeclarationPage(page, size, total == null ? 0 : total, items);
    }

    private List<DeclarationView.HistoryEntry> history(String declarationRequestId) {
        return jdbc.query("select from_status, to_status, result_code, message, at from declaration_history "
                        + "where declaration_request_id = ? order by at, id",
                (rs, row) -> new DeclarationView.HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs, "at")), declarationRequestId);
    }

    private static DeclarationView view(ResultSet rs, int row) throws SQLException {
        long line = rs.getLong("source_line");
        Long sourceLine = rs.wasNull() ? null : line;
        return new DeclarationView(
                rs.getString("declaration_request_id"),
                rs.getString("payment_id"),
                emptyToNull(rs.getString("gateway")),
                rs.getString("status"),
                rs.getString("result_code"),
                rs.getString("result_message"),
                rs.getString("alipay_declaration_id"),
                rs.getString("alipay_payment_id"),
                rs.getString("customs_result_code"),
                rs.getString("customs_result_message"),
                instant(rs, "customs_result_at"),
                rs.getInt("attempts"),
                rs.getString("source"),
                sourceLine,
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                null);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
