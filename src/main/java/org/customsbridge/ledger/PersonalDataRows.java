package org.customsbridge.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.privacy.PersonalData;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's personal data as a whole: rows that still hold it in clear (written before it was
 * encrypted) are encrypted, and settled declarations past the retention lose it. Each row is
 * rewritten only if it is still as it was read, so nodes starting or erasing at once agree.
 */
public class PersonalDataRows {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRows.class);
    private static final String SETTLED = Arrays.stream(DeclarationStatus.values())
            .filter(DeclarationStatus::isTerminal).map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /** The sweeps in {@code ledger_sweep}: of {@link #encryptClearRows()}, and of {@link #eraseSettled()}. */
    static final String ENCRYPT_SWEEP = "encrypt-clear-rows";
    static final String ERASE_SWEEP = "erase-settled";
    /** How far nodes' clocks may differ: a later sweep also reads rows changed this long before where the last reached. */
    static final Duration CLOCK_MARGIN = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final FieldsJson json;
    private final PersonalData personalData;
    private final Duration retention;
    private final Clock clock;

    public PersonalDataRows(JdbcTemplate jdbc, ObjectMapper mapper, PersonalData personalData, Duration retention,
                            Clock clock) {
        this.jdbc = jdbc;
        this.json = new FieldsJson(mapper);
        this.personalData = personalData;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Encrypts the personal fields of rows that hold them in clear, and gives them a keyed fingerprint.
     * The first sweep reads the whole ledger; each later one only the rows changed since the one
     * before began (noted in {@code ledger_sweep}), less {@link #CLOCK_MARGIN}: a row in clear can only have been
     * written since by a node of an earlier release, during a rolling upgrade, and every write sets
     * {@code updated_at}.
     *
     * @return how many rows were encrypted
     */
    public int encryptClearRows() {
        OffsetDateTime started = LedgerTime.now(clock);
        OffsetDateTime since = sweepFrom(ENCRYPT_SWEEP);
        // a row in clear names no key and spells a personal field's name in its JSON
        String holdsPersonal = Fields.PERSONAL.stream().map(name -> "request_fields like '%\"" + name + "\":%'")
                .collect(Collectors.joining(" or ", "(", ")"));
        List<Map<String, Object>> clear = jdbc.queryForList("select declaration_request_id, request_fields, "
                + "pending_fields from declaration where updated_at >= ? and personal_key_id is null and "
                + holdsPersonal, since);
        int encrypted = 0;
        for (Map<String, Object> row : clear) {
            String stored = (String) row.get("request_fields");
            String pending = (String) row.get("pending_fields");
            Map<String, String> fields = read(stored);
            PersonalData.Fingerprint fingerprint = personalData.fingerprint(Declaration.fromFields(fields));
            encrypted += jdbc.update("update declaration set request_fields = ?, pending_fields = ?, fingerprint = ?, "
                            + "personal_key_id = ? where declaration_request_id = ? and personal_key_id is null "
                            + "and request_fields = ? and coalesce(pending_fields, '') = ?",
                    write(personalData.protect(fields)), pending == null ? null : write(personalData.protect(read(pending))),
                    fingerprint.value(), fingerprint.keyId(), row.get("declaration_request_id"), stored,
                    pending == null ? "" : pending);
        }
        if (encrypted > 0) {
            LOG.info("Encrypted the personal data of {} ledger rows written before it was encrypted", encrypted);
        }
        cover(ENCRYPT_SWEEP, started);
        return encrypted;
    }

    /**
     * Erases the personal fields of settled declarations whose last change is older than the retention,
     * keeping their outcome, fingerprint and history. The first check reads every row older than the
     * retention; each later one only those whose last change came after the previous check's cut-off
     * (less {@link #CLOCK_MARGIN}): every older row was erased then, or was changed since — settling a
     * row sets {@code updated_at} — and so falls in the later range. A check then reads a day and the
     * time since the last check of the ledger's history, not all of it.
     *
     * @return how many rows lost their personal data
     */
    public int eraseSettled() {
        OffsetDateTime now = LedgerTime.now(clock);
        OffsetDateTime cutOff = now.minus(retention);
        OffsetDateTime since = sweepFrom(ERASE_SWEEP);
        // the status is tested through an expression: H2 would otherwise read every settled row through
        // the status index rather than the range of updated_at through its own
        List<Map<String, Object>> expired = jdbc.queryForList("select declaration_request_id, request_fields "
                + "from declaration where updated_at >= ? and updated_at < ? and personal_key_id is not null "
                + "and personal_data_erased_at is null and case when status in " + SETTLED + " then 1 else 0 end = 1",
                since, cutOff);
        int erased = 0;
        for (Map<String, Object> row : expired) {
            String stored = (String) row.get("request_fields");
            Map<String, String> kept = new LinkedHashMap<>(read(stored));
            kept.keySet().removeIf(Fields::isPersonal);
            erased += jdbc.update("update declaration set request_fields = ?, pending_fields = null, "
                            + "pending_fingerprint = null, retransmit_after = null, personal_data_erased_at = ? "
                            + "where declaration_request_id = ? and request_fields = ? and status in " + SETTLED,
                    write(kept), now, row.get("declaration_request_id"), stored);
        }
        if (erased > 0) {
            LOG.info("Erased the personal data of {} settled declarations older than {}", erased, retention);
        }
        cover(ERASE_SWEEP, cutOff);
        return erased;
    }

    /**
     * The earliest last change the sweep {@code name} reads: {@link #CLOCK_MARGIN} before where it reached
     * (every row changed before that was handled), or before any row when it has not run.
     */
    private OffsetDateTime sweepFrom(String name) {
        return jdbc.query("select covered_until from ledger_sweep where name = ?",
                        (rs, row) -> rs.getObject(1, OffsetDateTime.class), name).stream().findFirst()
                .map(covered -> covered.minus(CLOCK_MARGIN)).orElse(LedgerTime.BEFORE_ANY_ROW);
    }

    /** Notes that the sweep {@code name} has handled every row changed before {@code until}; never moves it back. */
    private void cover(String name, OffsetDateTime until) {
        if (jdbc.update("update ledger_sweep set covered_until = ? where name = ? and covered_until < ?",
                until, name, until) == 1) {
            return;
        }
        try {
            jdbc.update("insert into ledger_sweep (name, covered_until) select ?, ? "
                    + "where not exists (select 1 from ledger_sweep where name = ?)", name, until, name);
        } catch (DuplicateKeyException anotherNode) {
            // another node noted the same sweep at the same moment: either covers the rows read
        }
    }

    private Map<String, String> read(String text) {
        return json.read(text);
    }

    private String write(Map<String, String> fields) {
        return json.write(fields);
    }
}
