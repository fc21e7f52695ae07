package org.customsbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.privacy.PersonalData;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.customsbridge.validation.InvalidRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.customsbridge.ledger.LedgerText.cut;
import static org.customsbridge.ledger.LedgerText.name;

/**
 * The declaration rows of the ledger (and the rejected records that cannot have one): every read and
 * write of them, in plain SQL that H2 and PostgreSQL both run. What a row should become is decided
 * elsewhere; this class only knows how it is stored: personal fields encrypted ({@link PersonalData}),
 * and decrypted only where a declaration is read back to be sent again.
 */
public class DeclarationRows {

    /**
     * An outcome that releases the claim, keeping its token as the one that settled the row (every
     * right-hand side reads the row as it was); the row is chosen by what follows.
     */
    private static final String OUTCOME = """
            update declaration set status = ?, result_code = ?, result_message = ?,
                alipay_declaration_id = coalesce(?, alipay_declaration_id),
                alipay_payment_id = coalesce(?, alipay_payment_id),
                status_before_declaring = null, claimed_by = null, claimed_until = null,
                settled_claim_token = claim_token, claim_token = null, updated_at = ?
            where declaration_request_id = ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FieldsJson json;
    private final PersonalData personalData;
    private final LedgerOutages outages;
    private final GroupCommit groups;

    /** Rows whose work fails at once when the database cannot be reached, each write committed alone. */
    public DeclarationRows(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper,
                           PersonalData personalData) {
        this(jdbc, transactions, mapper, personalData, new LedgerOutages(Duration.ZERO),
                new GroupCommit(transactions, 1));
    }

    /**
     * Rows whose work waits out a database that cannot be reached, as {@code outages} says; the writes
     * of {@link #inGroupTransaction} are committed together by {@code groups}.
     */
    public DeclarationRows(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper,
                           PersonalData personalData, LedgerOutages outages, GroupCommit groups) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = new FieldsJson(mapper);
        this.personalData = personalData;
        this.outages = outages;
        this.groups = groups;
    }

    /**
     * Runs {@code work} in a transaction, once more if a concurrent insert of the same id won the race
     * (PostgreSQL aborts a transaction on a key violation, so the retry needs a fresh one). While the
     * database cannot be reached the whole transaction is tried again ({@link LedgerOutages}).
     */
    public <T> T inTransaction(Supplier<T> work) {
        return outages.waitOut(() -> transaction(work));
    }

    private <T> T transaction(Supplier<T> work) {
        try {
            return transactions.execute(tx -> work.get());
        } catch (DuplicateKeyException raced) {
            return transactions.execute(tx -> work.get());
        }
    }

    /**
     * Runs {@code work} — a few statements on rows this worker holds, the same as it would run in
     * {@link #inTransaction} — in a transaction shared with other workers' writes ({@link GroupCommit}),
     * and returns once that has been committed. While the ledger cannot be reached, and whenever a group
     * could not be committed, the work runs in a transaction of its own, as {@link #inTransaction}; an
     * outage that failed the group counts as its first try, the outage wait running from when the work
     * was handed to the group.
     */
    public <T> T inGroupTransaction(Supplier<T> work) {
        if (outages.waiting() > 0) {
            return inTransaction(work);
        }
        // a group that met an outage counts as this work's first try: the outage wait runs from its start
        long started = System.nanoTime();
        return groups.write(work, (alone, groupFailure) -> groupFailure == null ? inTransaction(alone)
                : outages.retry(() -> transaction(alone), groupFailure, started));
    }

    /**
     * Runs one statement that commits by itself (not inside {@link #inTransaction}), trying it again
     * while the database cannot be reached.
     */
    public <T> T autoCommitted(Supplier<T> statement) {
        return outages.waitOut(statement);
    }

    /** The row of {@code id}, locked until the transaction ends. */
    public Optional<StoredDeclaration> lock(String id) {
        return find(id, true);
    }

    /** The row of {@code id}, not locked. */
    public Optional<StoredDeclaration> find(String id) {
        return find(id, false);
    }

    private Optional<StoredDeclaration> find(String id, boolean forUpdate) {
        return jdbc.query("select * from declaration where declaration_request_id = ?"
                + (forUpdate ? " for update" : ""), DeclarationRows::stored, id).stream().findFirst();
    }

    /** The declaration stored for {@code id}, if any, personal fields decrypted: to send it again. */
    public Optional<Declaration> declaration(String id) {
        return jdbc.query("select request_fields from declaration where declaration_request_id = ?",
                        (rs, row) -> rs.getString(1), id).stream().findFirst()
                .filter(text -> !text.isEmpty())
                .map(text -> Declaration.fromFields(personalData.reveal(readFields(text))));
    }

    /**
     * The stored request fields of a row (none for an invalid record's row), personal fields decrypted:
     * to send it again, or to tell which fields changed data changes.
     */
    public Map<String, String> fieldsOf(StoredDeclaration stored) {
        return stored.fieldsJson().isEmpty() ? Map.of() : personalData.reveal(readFields(stored.fieldsJson()));
    }

    /** Whether {@code declaration} carries exactly the data stored in {@code stored} (compared by fingerprint). */
    public boolean holdsSameData(StoredDeclaration stored, Declaration declaration) {
        return stored.fingerprint().equals(personalData.fingerprint(declaration, stored.personalKeyId()));
    }

    /**
     * A new row, claimed for its first call (which it counts).
     *
     * @throws DuplicateKeyException when the id has a row already
     */
    public void insertClaimed(Declaration declaration, RawRecord source, Claim claim, OffsetDateTime now) {
        if (!insertClaimedIfNew(declaration, source, claim, now)) {
            throw new DuplicateKeyException("declaration " + declaration.declarationRequestId() + " has a row already");
        }
    }

    /**
     * A new row, claimed for its first call (which it counts), unless the id has a row already. A
     * conditional insert rather than a failing one: a key violation would abort the transaction it runs
     * in, a shared one included ({@link #inGroupTransaction}). (An insert of the same id by another
     * transaction at the same moment still fails with the key violation.)
     *
     * @return whether the row was inserted
     */
    public boolean insertClaimedIfNew(Declaration declaration, RawRecord source, Claim claim, OffsetDateTime now) {
        PersonalData.Fingerprint fingerprint = personalData.fingerprint(declaration);
        return jdbc.update("""
                    insert into declaration (declaration_request_id, payment_id, gateway, fingerprint, personal_key_id,
                        request_fields, status, attempts, source, source_line, claimed_by, claimed_until, claim_token,
                        created_at, updated_at, last_declared_at)
                    select ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?
                    where not exists (select 1 from declaration where declaration_request_id = ?)""",
                declaration.declarationRequestId(), declaration.paymentId(), declaration.gateway(),
                fingerprint.value(), fingerprint.keyId(), writeFields(declaration.fields()),
                DeclarationStatus.DECLARING.name(), cut(source.source(), LedgerText.SOURCE), source.line(),
                claim.node(), claim.until(), claim.token(), now, now, now, declaration.declarationRequestId()) == 1;
    }

    /**
     * The id that holds {@code orderKey}: the one declaration its gateway keeps of that order
     * ({@link org.customsbridge.admission.OrderKeys}).
     */
    public Optional<String> orderHolder(String orderKey) {
        return jdbc.query("select declaration_request_id from declaration_order where order_key = ?",
                (rs, row) -> rs.getString(1), orderKey).stream().findFirst();
    }

    /**
     * Makes {@code id}, whose row exists, the holder of {@code orderKey}.
     *
     * @throws DuplicateKeyException when another transaction made another id its holder first
     */
    public void holdOrder(String orderKey, String id, OffsetDateTime now) {
        jdbc.update("insert into declaration_order (order_key, declaration_request_id, created_at) values (?, ?, ?)",
                orderKey, id, now);
    }

    /**
     * Makes {@code id} the holder of {@code orderKey} in place of {@code from} (whose declaration the
     * gateway refused); {@code false} if another id took it over first.
     */
    public boolean takeOrderOver(String orderKey, String from, String id, OffsetDateTime now) {
        return jdbc.update("update declaration_order set declaration_request_id = ?, created_at = ? "
                + "where order_key = ? and declaration_request_id = ?", id, now, orderKey, from) == 1;
    }

    /** Claims a known row for another call of {@code declaration} (counted), keeping its public status. */
    public void claimForResend(Declaration declaration, RawRecord source, StoredDeclaration stored, Claim claim,
                               OffsetDateTime now) {
        PersonalData.Fingerprint fingerprint = personalData.fingerprint(declaration);
        jdbc.update("""
                update declaration set payment_id = ?, gateway = ?, fingerprint = ?, personal_key_id = ?,
                    request_fields = ?, status = ?, status_before_declaring = ?, source = ?, source_line = ?,
                    claimed_by = ?, claimed_until = ?, claim_token = ?, updated_at = ?, last_declared_at = ?,
                    attempts = attempts + 1
                where declaration_request_id = ?""",
                declaration.paymentId(), declaration.gateway(), fingerprint.value(), fingerprint.keyId(),
                writeFields(declaration.fields()), DeclarationStatus.DECLARING.name(), name(stored.publicStatus()),
                cut(source.source(), LedgerText.SOURCE), source.line(), claim.node(), claim.until(), claim.token(),
                now, now, declaration.declarationRequestId());
    }

    /**
     * Keeps changed data of a declared id, to be sent at {@code due}. (Its fingerprint is kept under
     * the current key; each of its encrypted values names its own key.)
     */
    public void schedule(Declaration changed, OffsetDateTime due, OffsetDateTime now) {
        jdbc.update("update declaration set pending_fields = ?, pending_fingerprint = ?, retransmit_after = ?, "
                        + "updated_at = ? where declaration_request_id = ?",
                writeFields(changed.fields()), personalData.fingerprint(changed).value(), due, now,
                changed.declarationRequestId());
    }

    /** The ids whose scheduled data is due at {@code now} and not in a call, earliest first. */
    public List<String> dueRetransmissions(OffsetDateTime now) {
        // the lower bound keeps H2 from walking the index entries of every row without a pending change
        // (NULL sorts first there: an open range read the whole ledger at every check)
        return jdbc.queryForList("select declaration_request_id from declaration "
                        + "where retransmit_after between ? and ? and status <> 'DECLARING' order by retransmit_after",
                String.class, LedgerTime.BEFORE_ANY_ROW, now);
    }

    /** Takes the scheduled data of a locked row off it, as the declaration to send. */
    public Declaration takeScheduled(String id, OffsetDateTime now) {
        String pending = jdbc.queryForObject("select pending_fields from declaration "
                + "where declaration_request_id = ? and retransmit_after <= ?", String.class, id, now);
        jdbc.update("update declaration set pending_fields = null, pending_fingerprint = null, "
                + "retransmit_after = null where declaration_request_id = ?", id);
        return Declaration.fromFields(personalData.reveal(readFields(pending)));
    }

    /**
     * Stores the outcome of a first call and releases its claim, if the row is still that first call's:
     * claimed by {@code claim}, with no status before it and no Alipay id, for the same payment and gateway.
     *
     * @return whether it was (otherwise nothing changed)
     */
    public boolean recordFirstOutcome(DeclareOutcome outcome, Declaration declaration, Claim claim,
                                      OffsetDateTime now) {
        return jdbc.update(OUTCOME + " and status = 'DECLARING' and claim_token = ? and status_before_declaring is null"
                        + " and alipay_declaration_id is null and payment_id = ? and gateway = ?",
                outcome.status().name(), outcome.code(), LedgerText.message(outcome.message()),
                outcome.alipayDeclarationId(), outcome.alipayPaymentId(), now, outcome.declarationRequestId(),
                claim.token(), declaration.paymentId(), declaration.gateway()) == 1;
    }

    /** Stores the outcome of a call and releases its claim (the caller has checked that it holds it). */
    public void recordOutcome(DeclareOutcome outcome, OffsetDateTime now) {
        jdbc.update(OUTCOME, outcome.status().name(), outcome.code(), LedgerText.message(outcome.message()),
                outcome.alipayDeclarationId(), outcome.alipayPaymentId(), now, outcome.declarationRequestId());
    }

    /**
     * Keeps the Alipay ids of an outcome whose claim was lost on a row that is no longer in a call and
     * has none yet; its status stays as its holder settled it.
     */
    public void keepAlipayIds(DeclareOutcome outcome, OffsetDateTime now) {
        if (outcome.alipayDeclarationId() == null) {
            return;
        }
        jdbc.update("update declaration set alipay_declaration_id = ?, alipay_payment_id = coalesce(alipay_payment_id, ?), "
                        + "updated_at = ? where declaration_request_id = ? and status <> 'DECLARING' "
                        + "and alipay_declaration_id is null",
                outcome.alipayDeclarationId(), outcome.alipayPaymentId(), now, outcome.declarationRequestId());
    }

    /**
     * The fencing check before a call: marks the call as going out ({@code counted}: one more call;
     * the first call was counted by its claim) and renews the claim until {@code until}, in one statement
     * that changes the row only while it is still claimed with {@code claim}'s token. The statement
     * waits for a lock another node holds on the row, so a takeover in progress is seen once committed.
     *
     * @return whether the row is still this claim's (otherwise nothing changed, and no call may go out)
     */
    public boolean markCall(String id, Claim claim, boolean counted, OffsetDateTime until, OffsetDateTime now) {
        return jdbc.update("update declaration set attempts = attempts + ?, last_declared_at = ?, claimed_until = ? "
                + "where declaration_request_id = ? and status = 'DECLARING' and claim_token = ?",
                counted ? 1 : 0, now, until, id, claim.token()) == 1;
    }

    /** Stores what customs said, and releases any claim; a status other than pending is customs' result. */
    public void recordCustomsResult(String id, DeclarationStatus status, String code, String message,
                                    OffsetDateTime now) {
        jdbc.update("""
                update declaration set status = ?, customs_result_code = ?, customs_result_message = ?,
                    customs_result_at = case when ? then ? else customs_result_at end, updated_at = ?,
                    status_before_declaring = null, claimed_by = null, claimed_until = null, claim_token = null
                where declaration_request_id = ?""",
                status.name(), cut(code, LedgerText.CUSTOMS_RESULT_CODE), LedgerText.message(message),
                status != DeclarationStatus.CUSTOMS_PENDING, now, now, id);
    }

    /** A new {@code INVALID} row for an invalid record whose id is valid. */
    public void insertInvalid(InvalidRecord invalid, OffsetDateTime now) {
        RawRecord record = invalid.record();
        jdbc.update("""
                    insert into declaration (declaration_request_id, payment_id, gateway, fingerprint, request_fields,
                        status, result_code, result_message, attempts, source, source_line, created_at, updated_at)
                    values (?, ?, ?, '', '', ?, 'INVALID_RECORD', ?, 0, ?, ?, ?, ?)""",
                invalid.validId(), cut(Objects.requireNonNullElse(record.field("paymentId"), ""), LedgerText.PAYMENT_ID),
                cut(Objects.requireNonNullElse(invalid.gateway(), ""), LedgerText.GATEWAY),
                DeclarationStatus.INVALID.name(), LedgerText.message(invalid.message()),
                cut(record.source(), LedgerText.SOURCE), record.line(), now, now);
    }

    /** What an invalid record that came again says now, on its {@code INVALID} row. */
    public void updateInvalid(InvalidRecord invalid, OffsetDateTime now) {
        RawRecord record = invalid.record();
        jdbc.update("update declaration set result_message = ?, source = ?, source_line = ?, updated_at = ? "
                        + "where declaration_request_id = ?", LedgerText.message(invalid.message()),
                cut(record.source(), LedgerText.SOURCE), record.line(), now, invalid.validId());
    }

    /** Keeps a record without a valid id, which cannot have a declaration row. */
    public void insertRejected(InvalidRecord invalid, OffsetDateTime now) {
        RawRecord record = invalid.record();
        jdbc.update("insert into rejected_record (source, source_line, raw_request_id, message, at) "
                        + "values (?, ?, ?, ?, ?)", cut(record.source(), LedgerText.SOURCE), record.line(),
                rawId(invalid), cut(invalid.message(), LedgerText.LONG_MESSAGE), now);
    }

    /** An invalid record's id as the record gave it, but no longer than its column: a 1 MB value is not an id. */
    public static String rawId(InvalidRecord invalid) {
        return cut(invalid.record().field("declarationRequestId"), LedgerText.RAW_ID);
    }

    /** An invalid record's gateway as the record gave it, no longer than its column. */
    public static String rawGateway(InvalidRecord invalid) {
        return cut(invalid.gateway(), LedgerText.GATEWAY);
    }

    private static StoredDeclaration stored(ResultSet rs, int row) throws SQLException {
        String before = rs.getString("status_before_declaring");
        return new StoredDeclaration(
                rs.getString("declaration_request_id"),
                rs.getString("payment_id"),
                rs.getString("gateway"),
                rs.getString("fingerprint"),
                rs.getString("request_fields"),
                DeclarationStatus.valueOf(rs.getString("status")),
                rs.getString("result_code"),
                rs.getString("result_message"),
                rs.getString("alipay_declaration_id"),
                rs.getObject("claimed_until", OffsetDateTime.class),
                before == null ? null : DeclarationStatus.valueOf(before),
                rs.getString("source"), rs.getLong("source_line"),
                rs.getObject("last_declared_at", OffsetDateTime.class),
                rs.getString("claimed_by"),
                rs.getString("claim_token"),
                rs.getString("settled_claim_token"),
                rs.getString("personal_key_id"),
                rs.getString("customs_result_code"));
    }

    /** The JSON a row keeps of {@code fields}: personal values encrypted. */
    private String writeFields(Map<String, String> fields) {
        return json.write(personalData.protect(fields));
    }

    private Map<String, String> readFields(String text) {
        return json.read(text);
    }
}
