package org.customsbridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.customsbridge.tracking.CustomsAnswer;
import org.customsbridge.tracking.CustomsResultCodes;
import org.customsbridge.validation.InvalidRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger is the single source of truth for "was this declared?": every decision to send reads
 * and claims the row in one transaction, so neither a re-dropped file nor a restart sends twice.
 */
public class DeclarationLedger {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final int MAX_MESSAGE = 1024;
    /** Column widths of a raw (invalid) request id and of a gateway name, in the ledger and in results rows. */
    private static final int MAX_RAW_ID = 256;
    private static final int MAX_GATEWAY = 16;
    /** An outcome that releases the claim; the row is chosen by what follows. */
    private static final String OUTCOME = """
            update declaration set status = ?, result_code = ?, result_message = ?,
                alipay_declaration_id = coalesce(?, alipay_declaration_id),
                alipay_payment_id = coalesce(?, alipay_payment_id),
                status_before_declaring = null, claimed_by = null, claimed_until = null, updated_at = ?
            where declaration_request_id = ?""";
    /** Before any retransmission the ledger can hold (every one is due minutes after a declaration). */
    private static final OffsetDateTime NO_EARLIER_RETRANSMISSION = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    /** The fields a retransmission may change (seed 003), by their contract names. */
    private static final List<String> RETRANSMITTABLE = List.of(org.customsbridge.record.Fields.MERCHANT_CUSTOMS_CODE,
            org.customsbridge.record.Fields.MERCHANT_CUSTOMS_NAME, org.customsbridge.record.Fields.CUSTOMS_CODE,
            org.customsbridge.record.Fields.AMOUNT);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration claimTtl;
    private final Duration retransmissionWait;
    private final NodeHeartbeat heartbeat;
    private final String node;

    public DeclarationLedger(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper mapper, Clock clock,
                             Duration claimTtl, Duration retransmissionWait, NodeHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
        this.node = heartbeat.nodeId();
        this.retransmissionWait = retransmissionWait;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
        this.claimTtl = claimTtl;
    }

    /**
     * Decides whether {@code declaration} is sent now. A new id, a crashed or unanswered call with
     * identical data, or a correction of a record that was invalid before: send (and the row is
     * claimed). Anything else: report what the ledger holds.
     */
    public Admission admit(Declaration declaration, RawRecord source) {
        if (claimNew(declaration, source)) {
            return Admission.toSend(declaration);
        }
        long waitUntil = System.nanoTime() + claimTtl.toNanos();
        while (true) {
            Admission admission = inTransaction(() -> tryAdmit(declaration, source));
            if (admission != null) {
                return admission;
            }
            if (System.nanoTime() > waitUntil) {
                return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(),
                        declaration.gateway(), DeclarationStatus.UNKNOWN, "IN_FLIGHT",
                        "a declare call for this id is still in flight elsewhere; the ledger will settle it", null));
            }
            pause();
        }
    }

    /**
     * Most ids are new: one insert claims them, without a transaction around a lookup first. The
     * primary key decides a race; the loser (and any known id) takes the locking path below.
     */
    private boolean claimNew(Declaration declaration, RawRecord source) {
        try {
            insertDeclaring(declaration, source, now());
            return true;
        } catch (DuplicateKeyException known) {
            return false;
        }
    }

    /** One look at the ledger; {@code null} while another live call holds the id (the caller waits for it). */
    private Admission tryAdmit(Declaration declaration, RawRecord source) {
        OffsetDateTime now = now();
        Optional<StoredDeclaration> existing = lock(declaration.declarationRequestId());
        if (existing.isEmpty()) {
            insertDeclaring(declaration, source, now);
            return Admission.toSend(declaration);
        }
        StoredDeclaration stored = existing.get();
        if (stored.status == DeclarationStatus.DECLARING && isHeld(stored, now)) {
            return null;
        }
        boolean identical = stored.fingerprint.equals(declaration.fingerprint());
        if (stored.status == DeclarationStatus.INVALID || identical && stored.resendable()) {
            claimForResend(declaration, source, stored, now);
            return Admission.toSend(declaration);
        }
        if (!identical) {
            return changedDeclaration(declaration, source, stored, now);
        }
        return Admission.toReport(declaration, stored.state("already declared"
                + (stored.resultMessage == null ? "" : ": " + stored.resultMessage)));
    }

    /** A claim holds while it has not expired and the node that made it is alive. */
    private boolean isHeld(StoredDeclaration stored, OffsetDateTime now) {
        return stored.claimedAt(now) && heartbeat.isAlive(stored.claimedBy);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a call in flight", e);
        }
    }

    /**
     * The same id with other data. Only the fields the docs allow may change, and the new data is
     * declared no earlier than {@code retransmissionWait} after the last call: sent now, or kept
     * until then.
     */
    private Admission changedDeclaration(Declaration declaration, RawRecord source, StoredDeclaration stored,
                                         OffsetDateTime now) {
        List<String> changed = changedFields(fieldsOf(stored), declaration.fields());
        if (!RETRANSMITTABLE.containsAll(changed)) {
            List<String> fixed = changed.stream().filter(name -> !RETRANSMITTABLE.contains(name)).toList();
            return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(),
                    declaration.gateway(), DeclarationStatus.INVALID, "CHANGED_AFTER_DECLARATION",
                    source.location() + ": declarationRequestId \"" + declaration.declarationRequestId()
                            + "\" was already declared with different " + String.join(", ", fixed)
                            + ", which may not change (only " + String.join(", ", RETRANSMITTABLE)
                            + " may); the ledger keeps its " + stored.status + " declaration",
                    stored.alipayDeclarationId));
        }
        OffsetDateTime allowedAt = stored.lastDeclaredAt == null ? now : stored.lastDeclaredAt.plus(retransmissionWait);
        if (!now.isBefore(allowedAt)) {
            claimForResend(declaration, source, stored, now);
            return Admission.toSend(declaration);
        }
        jdbc.update("update declaration set pending_fields = ?, pending_fingerprint = ?, retransmit_after = ?, "
                        + "updated_at = ? where declaration_request_id = ?",
                writeFields(declaration.fields()), declaration.fingerprint(), allowedAt, now,
                declaration.declarationRequestId());
        return Admission.toReport(declaration, new DeclarationState(declaration.declarationRequestId(), stored.gateway,
                stored.status, "RETRANSMISSION_SCHEDULED", "changed " + String.join(", ", changed)
                + ": retransmission scheduled for " + allowedAt.withNano(0) + " (Alipay takes one "
                + retransmissionWait.toMinutes() + " minutes after the last call)", stored.alipayDeclarationId));
    }

    /**
     * Claims the retransmissions that are due, each with its new data: each comes back as an admission
     * to send.
     */
    public List<Admission> dueRetransmissions() {
        OffsetDateTime now = now();
        // the lower bound keeps H2 from walking the index entries of every row without a pending change
        // (NULL sorts first there: an open range read the whole ledger at every check)
        List<String> due = jdbc.queryForList("select declaration_request_id from declaration "
                + "where retransmit_after between ? and ? and status <> 'DECLARING' order by retransmit_after",
                String.class, NO_EARLIER_RETRANSMISSION, now);
        List<Admission> admissions = new ArrayList<>();
        for (String id : due) {
            Admission admission = inTransaction(() -> {
                StoredDeclaration stored = lock(id).orElseThrow();
                String pending = jdbc.queryForObject("select pending_fields from declaration "
                        + "where declaration_request_id = ? and retransmit_after <= ?", String.class, id, now());
                Declaration declaration = Declaration.fromFields(readFields(pending));
                jdbc.update("update declaration set pending_fields = null, pending_fingerprint = null, "
                        + "retransmit_after = null where declaration_request_id = ?", id);
                claimForResend(declaration, sourceOf(stored), stored, now());
                return Admission.toSend(declaration);
            });
            admissions.add(admission);
        }
        return admissions;
    }

    /**
     * Stores what a declare call of {@code declaration} came to, and releases the claim. The row of
     * a first call holds nothing the outcome needs (no status before it, no Alipay id), so it is
     * updated without being read first; any other row is locked and read.
     */
    public DeclarationState recordOutcome(DeclareOutcome outcome, Declaration declaration) {
        return inTransaction(() -> {
            OffsetDateTime now = now();
            int firstCall = jdbc.update(OUTCOME + " and status = 'DECLARING' and status_before_declaring is null"
                            + " and alipay_declaration_id is null and payment_id = ? and gateway = ?",
                    outcome.status().name(), outcome.code(), cut(outcome.message()), outcome.alipayDeclarationId(),
                    outcome.alipayPaymentId(), now, outcome.declarationRequestId(), declaration.paymentId(),
                    declaration.gateway());
            if (firstCall == 1) {
                return recorded(outcome, declaration.paymentId(), declaration.gateway(), null, null, now);
            }
            StoredDeclaration stored = lock(outcome.declarationRequestId()).orElseThrow(() ->
                    new IllegalStateException("no ledger row for " + outcome.declarationRequestId()));
            jdbc.update(OUTCOME, outcome.status().name(), outcome.code(), cut(outcome.message()),
                    outcome.alipayDeclarationId(), outcome.alipayPaymentId(), now, outcome.declarationRequestId());
            DeclarationStatus previous = stored.status == DeclarationStatus.DECLARING ? stored.statusBeforeDeclaring
                    : stored.status;
            return recorded(outcome, stored.paymentId, stored.gateway, previous, stored.alipayDeclarationId, now);
        });
    }

    /** The history and status event of an outcome that changed the status, and the state it leaves. */
    private DeclarationState recorded(DeclareOutcome outcome, String paymentId, String gateway,
                                      DeclarationStatus previous, String storedAlipayDeclarationId, OffsetDateTime now) {
        String alipayDeclarationId = outcome.alipayDeclarationId() != null ? outcome.alipayDeclarationId()
                : storedAlipayDeclarationId;
        if (previous != outcome.status()) {
            changed(new StatusChange(true, outcome.declarationRequestId(), paymentId, gateway, previous,
                    outcome.status(), outcome.code(), outcome.message(), alipayDeclarationId, null), now);
        }
        return new DeclarationState(outcome.declarationRequestId(), gateway, outcome.status(), outcome.code(),
                outcome.message(), alipayDeclarationId);
    }

    /**
     * Keeps what a query said about one declaration. Returns an admission to send it again when the
     * gateway does not know a declaration whose outcome was unknown (the call never arrived), so
     * that it is re-declared with the very same parameters; otherwise an admission to send nothing.
     */
    public Admission recordCustomsAnswer(CustomsAnswer answer, CustomsResultCodes codes) {
        return inTransaction(() -> {
            Optional<StoredDeclaration> found = lock(answer.declarationRequestId());
            if (found.isEmpty()) {
                return Admission.toReport(null, null);
            }
            StoredDeclaration stored = found.get();
            OffsetDateTime now = now();
            if (!answer.found()) {
                if (stored.resendable() && !isHeld(stored, now)) {
                    Declaration declaration = Declaration.fromFields(fieldsOf(stored));
                    claimForResend(declaration, sourceOf(stored), stored, now);
                    return Admission.toSend(declaration);
                }
                return Admission.toReport(null, stored.state(stored.resultMessage));
            }
            if (stored.status == DeclarationStatus.DECLARING && isHeld(stored, now) || stored.status.isTerminal()) {
                return Admission.toReport(null, stored.state(stored.resultMessage));
            }
            DeclarationStatus status = codes.statusOf(answer.customsResultCode());
            jdbc.update("""
                    update declaration set status = ?, customs_result_code = ?, customs_result_message = ?,
                        customs_result_at = case when ? then ? else customs_result_at end, updated_at = ?,
                        status_before_declaring = null, claimed_by = null, claimed_until = null
                    where declaration_request_id = ?""",
                    status.name(), cut(answer.customsResultCode(), 32), cut(answer.customsResultMessage()),
                    status != DeclarationStatus.CUSTOMS_PENDING, now, now, answer.declarationRequestId());
            DeclarationStatus previous = stored.status == DeclarationStatus.DECLARING ? stored.statusBeforeDeclaring
                    : stored.status;
            if (status != previous) {
                changed(new StatusChange(true, stored.id, stored.paymentId, stored.gateway, previous, status,
                        answer.customsResultCode(), answer.customsResultMessage(), stored.alipayDeclarationId,
                        answer.customsResultCode()), now);
            }
            return Admission.toReport(null, new DeclarationState(stored.id, stored.gateway, status,
                    answer.customsResultCode(), answer.customsResultMessage(), stored.alipayDeclarationId));
        });
    }

    /**
     * Counts one resend of a call that had no trustworthy answer. (An admission counts its own first
     * call, in the transaction that claims the row: one statement less per declaration.)
     */
    public void countResend(String declarationRequestId) {
        jdbc.update("update declaration set attempts = attempts + 1, last_declared_at = ? "
                + "where declaration_request_id = ?", now(), declarationRequestId);
    }

    /**
     * Keeps an invalid record. With a valid id it gets (or stays) an {@code INVALID} declaration row,
     * unless that id was already declared: a bad resubmission never overwrites a declaration.
     * Without a valid id it goes to the rejected records.
     */
    public DeclarationState recordInvalid(InvalidRecord invalid) {
        RawRecord record = invalid.record();
        // echoed as the record gave them, but no longer than their columns: a 1 MB value is not an id
        String gateway = cut(invalid.gateway(), MAX_GATEWAY);
        String rawId = cut(record.field("declarationRequestId"), MAX_RAW_ID);
        return inTransaction(() -> {
            OffsetDateTime now = now();
            String id = invalid.validId();
            if (id == null) {
                jdbc.update("insert into rejected_record (source, source_line, raw_request_id, message, at) "
                                + "values (?, ?, ?, ?, ?)", cut(record.source(), 512), record.line(),
                        rawId, cut(invalid.message(), 4000), now);
                changed(new StatusChange(false, rawId, record.field("paymentId"), gateway,
                        null, DeclarationStatus.INVALID, "INVALID_RECORD", invalid.message(), null, null), now);
                return new DeclarationState(rawId, gateway, DeclarationStatus.INVALID,
                        "INVALID_RECORD", invalid.message(), null);
            }
            Optional<StoredDeclaration> stored = lock(id);
            if (stored.isEmpty()) {
                insertInvalid(invalid, now);
            } else if (stored.get().status == DeclarationStatus.INVALID) {
                jdbc.update("update declaration set result_message = ?, source = ?, source_line = ?, updated_at = ? "
                                + "where declaration_request_id = ?", cut(invalid.message()), cut(record.source(), 512),
                        record.line(), now, id);
                // Each invalid submission is news to the ERP, even when the status stays INVALID.
                changed(new StatusChange(true, id, record.field("paymentId"), gateway, DeclarationStatus.INVALID,
                        DeclarationStatus.INVALID, "INVALID_RECORD", invalid.message(), null, null), now);
            }
            return new DeclarationState(id, gateway, DeclarationStatus.INVALID, "INVALID_RECORD", invalid.message(),
                    null);
        });
    }

    /** The declaration stored for {@code declarationRequestId}, if any. */
    public Optional<Declaration> declaration(String declarationRequestId) {
        return jdbc.query("select request_fields from declaration where declaration_request_id = ?",
                (rs, row) -> rs.getString(1), declarationRequestId).stream().findFirst()
                .filter(json -> !json.isEmpty())
                .map(json -> Declaration.fromFields(readFields(json)));
    }

    /** The current state of one declaration, if the ledger has it. */
    public Optional<DeclarationState> state(String declarationRequestId) {
        return find(declarationRequestId, false).map(stored -> stored.state(stored.resultMessage));
    }

    private void insertDeclaring(Declaration declaration, RawRecord source, OffsetDateTime now) {
        jdbc.update("""
                    insert into declaration (declaration_request_id, payment_id, gateway, fingerprint, request_fields,
                        status, attempts, source, source_line, claimed_by, claimed_until, created_at, updated_at,
                        last_declared_at)
                    values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""",
                    declaration.declarationRequestId(), declaration.paymentId(), declaration.gateway(),
                    declaration.fingerprint(), writeFields(declaration.fields()), DeclarationStatus.DECLARING.name(),
                    cut(source.source(), 512), source.line(), node, now.plus(claimTtl), now, now, now);
    }

    private void insertInvalid(InvalidRecord invalid, OffsetDateTime now) {
        RawRecord record = invalid.record();
        jdbc.update("""
                    insert into declaration (declaration_request_id, payment_id, gateway, fingerprint, request_fields,
                        status, result_code, result_message, attempts, source, source_line, created_at, updated_at)
                    values (?, ?, ?, '', '', ?, 'INVALID_RECORD', ?, 0, ?, ?, ?, ?)""",
                    invalid.validId(), cut(Objects.requireNonNullElse(record.field("paymentId"), ""), 64),
                    cut(Objects.requireNonNullElse(invalid.gateway(), ""), MAX_GATEWAY),
                    DeclarationStatus.INVALID.name(), cut(invalid.message()), cut(record.source(), 512), record.line(),
                    now, now);
        changed(new StatusChange(true, invalid.validId(), record.field("paymentId"), invalid.gateway(), null,
                DeclarationStatus.INVALID, "INVALID_RECORD", invalid.message(), null, null), now);
    }

    private void claimForResend(Declaration declaration, RawRecord source, StoredDeclaration stored,
                                OffsetDateTime now) {
        jdbc.update("""
                update declaration set payment_id = ?, gateway = ?, fingerprint = ?, request_fields = ?, status = ?,
                    status_before_declaring = ?, source = ?, source_line = ?,
                    claimed_by = ?, claimed_until = ?, updated_at = ?, last_declared_at = ?, attempts = attempts + 1
                where declaration_request_id = ?""",
                declaration.paymentId(), declaration.gateway(), declaration.fingerprint(),
                writeFields(declaration.fields()), DeclarationStatus.DECLARING.name(),
                stored.status == DeclarationStatus.DECLARING ? name(stored.statusBeforeDeclaring) : stored.status.name(),
                cut(source.source(), 512), source.line(), node, now.plus(claimTtl), now, now,
                declaration.declarationRequestId());
    }

    /**
     * Runs {@code work} in a transaction, once more if a concurrent insert of the same id won the race
     * (PostgreSQL aborts a transaction on a key violation, so the retry needs a fresh one).
     */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            return transactions.execute(tx -> work.get());
        } catch (DuplicateKeyException raced) {
            return transactions.execute(tx -> work.get());
        }
    }

    /** A status change: one history row and one status event, in the caller's transaction. */
    private void changed(StatusChange change, OffsetDateTime at) {
        if (change.ledgerRow()) {
            jdbc.update("insert into declaration_history (declaration_request_id, from_status, to_status, "
                            + "result_code, message, at) values (?, ?, ?, ?, ?, ?)",
                    change.declarationRequestId(), name(change.from()), change.to().name(), change.code(),
                    cut(change.message()), at);
        }
        jdbc.update("""
                insert into status_event (declaration_request_id, payment_id, gateway, status, previous_status,
                    result_code, message, alipay_declaration_id, customs_result, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                cut(change.declarationRequestId(), MAX_RAW_ID), cut(change.paymentId(), 64),
                cut(change.gateway(), MAX_GATEWAY),
                change.to().name(), name(change.from()), change.code(), cut(change.message(), 4000),
                change.alipayDeclarationId(), change.customsResult(), at);
    }

    private static String name(DeclarationStatus status) {
        return status == null ? null : status.name();
    }

    private Optional<StoredDeclaration> lock(String id) {
        return find(id, true);
    }

    private Optional<StoredDeclaration> find(String id, boolean forUpdate) {
        return jdbc.query("select * from declaration where declaration_request_id = ?"
                + (forUpdate ? " for update" : ""), this::stored, id).stream().findFirst();
    }

    private StoredDeclaration stored(ResultSet rs, int row) throws SQLException {
        String fields = rs.getString("request_fields");
        String before = rs.getString("status_before_declaring");
        return new StoredDeclaration(
                rs.getString("declaration_request_id"),
                rs.getString("payment_id"),
                rs.getString("gateway"),
                rs.getString("fingerprint"),
                fields,
                DeclarationStatus.valueOf(rs.getString("status")),
                rs.getString("result_code"),
                rs.getString("result_message"),
                rs.getString("alipay_declaration_id"),
                rs.getObject("claimed_until", OffsetDateTime.class),
                before == null ? null : DeclarationStatus.valueOf(before),
                rs.getString("source"), rs.getLong("source_line"),
                rs.getObject("last_declared_at", OffsetDateTime.class),
                rs.getString("claimed_by"));
    }

    /** The stored request fields, read only when needed: most lookups (an outcome, a claim) need none. */
    private Map<String, String> fieldsOf(StoredDeclaration stored) {
        return stored.fieldsJson().isEmpty() ? Map.of() : readFields(stored.fieldsJson());
    }

    /** Where a stored declaration came from, file and line: all that a resend's claim keeps of its source. */
    private static RawRecord sourceOf(StoredDeclaration stored) {
        return new RawRecord(stored.sourceName(), stored.sourceLine(), 0, Map.of(), null);
    }

    private static List<String> changedFields(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String name : org.customsbridge.record.Fields.ALL) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private String writeFields(Map<String, String> fields) {
        try {
            return mapper.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readFields(String json) {
        try {
            return mapper.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable request_fields in the ledger", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String cut(String value) {
        return cut(value, MAX_MESSAGE);
    }

    /**
     * At most {@code max} characters, and no NUL: PostgreSQL's text cannot hold one, and raw values of
     * invalid records (an id, a payment id) are stored as they came.
     */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '?');
        return text.length() <= max ? text : text.substring(0, max);
    }

    private record StoredDeclaration(String id, String paymentId, String gateway, String fingerprint,
                                     String fieldsJson, DeclarationStatus status, String resultCode,
                                     String resultMessage, String alipayDeclarationId, OffsetDateTime claimedUntil,
                                     DeclarationStatus statusBeforeDeclaring, String sourceName, long sourceLine,
                                     OffsetDateTime lastDeclaredAt, String claimedBy) {

        /** A call that crashed in flight, or went unanswered, is resent with identical data. */
        boolean resendable() {
            return status == DeclarationStatus.DECLARING || status == DeclarationStatus.UNKNOWN;
        }

        boolean claimedAt(OffsetDateTime now) {
            return claimedUntil != null && claimedUntil.isAfter(now);
        }

        DeclarationState state(String message) {
            return new DeclarationState(id, gateway, status, resultCode, message, alipayDeclarationId);
        }
    }
}
