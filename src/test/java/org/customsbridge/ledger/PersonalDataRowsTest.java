package org.customsbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customsbridge.testsupport.Buyers.ID_NO;
import static org.customsbridge.testsupport.Buyers.NAME;
import static org.customsbridge.testsupport.Buyers.withBuyer;
import static org.customsbridge.testsupport.Declarations.source;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.admission.Admission;
import org.customsbridge.admission.AdmissionPolicy;
import org.customsbridge.admission.Claims;
import org.customsbridge.admission.DeclarationAdmissions;
import org.customsbridge.admission.OrderKeys;
import org.customsbridge.admission.RetransmissionRule;
import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.privacy.PersonalData;
import org.customsbridge.record.Declaration;
import org.customsbridge.testsupport.Buyers;
import org.customsbridge.testsupport.LedgerDatabase;
import org.customsbridge.testsupport.LedgerDump;
import org.customsbridge.tracking.CustomsAnswer;
import org.customsbridge.tracking.CustomsAnswers;
import org.customsbridge.tracking.CustomsResultCodes;
import org.junit.jupiter.api.Test;

/**
 * The ledger's personal data (a real schema, no bundle): never in clear in any column, readable to
 * resend after the key changed, encrypted when written in clear before, erased after the retention.
 */
class PersonalDataRowsTest {

    final LedgerDatabase ledger = LedgerDatabase.create();
    final String key1 = LedgerKeys.generate();
    final String key2 = LedgerKeys.generate();
    final Ledger underKey1 = new Ledger(Buyers.underKey("1", key1, Map.of()));
    final Ledger underKey2 = new Ledger(Buyers.underKey("2", key2, Map.of("1", key1)));

    /** The ledger's parts as a bundle with one key configuration has them. */
    final class Ledger {
        final DeclarationRows rows;
        final DeclarationAdmissions admissions;
        final CustomsAnswers answers;
        final PersonalDataRows personal;

        Ledger(PersonalData personalData) {
            rows = new DeclarationRows(ledger.jdbc, ledger.transactions, new ObjectMapper(), personalData);
            AdmissionPolicy policy = new AdmissionPolicy(new Claims("this-node", Duration.ofMinutes(2),
                    Set.of("this-node")::contains), new RetransmissionRule(Duration.ofMinutes(5)), rows::holdsSameData);
            admissions = new DeclarationAdmissions(rows, ledger.history, policy, OrderKeys.NONE, ledger.clock);
            answers = new CustomsAnswers(rows, ledger.history, policy, new CustomsResultCodes(Set.of("2")), ledger.clock);
            personal = new PersonalDataRows(ledger.jdbc, new ObjectMapper(), personalData, Duration.ofDays(30),
                    ledger.clock);
        }

        void settle(String id, DeclarationStatus status) {
            rows.recordOutcome(new DeclareOutcome(id, status, "S", "done", "A-" + id, null), ledger.now());
        }
    }

    String dump() {
        return LedgerDump.of(ledger.jdbc);
    }

    @Test
    void noColumnHoldsANameOrIdentityNumberInClear() {
        underKey1.admissions.admit(withBuyer("DEC-1", "1.00"), source(1));
        underKey1.settle("DEC-1", DeclarationStatus.ACCEPTED);
        ledger.clock.advance(Duration.ofMinutes(1));
        underKey1.admissions.admit(withBuyer("DEC-1", "2.00"), source(2));   // scheduled retransmission

        String dump = dump();
        assertThat(dump).contains("DEC-1").contains("ZONGSHU").contains("enc:1:");
        assertThat(dump).doesNotContain(NAME).doesNotContain(ID_NO);
    }

    @Test
    void rowsWrittenUnderKey1StillResendAfterKey2BecameCurrent() {
        underKey1.admissions.admit(withBuyer("DEC-1", "1.00"), source(1));
        underKey1.settle("DEC-1", DeclarationStatus.UNKNOWN);
        underKey1.admissions.admit(withBuyer("DEC-2", "1.00"), source(2));
        underKey1.settle("DEC-2", DeclarationStatus.UNKNOWN);
        underKey1.admissions.admit(withBuyer("DEC-3", "1.00"), source(3));
        underKey1.settle("DEC-3", DeclarationStatus.ACCEPTED);

        // the same record again: resent with its buyer, now under key 2
        Admission resent = underKey2.admissions.admit(withBuyer("DEC-1", "1.00"), source(4));
        assertThat(resent.send()).isTrue();
        assertThat(resent.declaration()).isEqualTo(withBuyer("DEC-1", "1.00"));
        assertThat(ledger.column("DEC-1", "personal_key_id", String.class)).isEqualTo("2");
        assertThat(ledger.column("DEC-1", "request_fields", String.class)).contains("enc:2:").doesNotContain("enc:1:");

        // a query's "not found" sends the stored declaration again, read under key 1
        Admission retransmitted = underKey2.answers.record(CustomsAnswer.notFound("DEC-2"));
        assertThat(retransmitted.send()).isTrue();
        assertThat(retransmitted.declaration().buyerIdNo()).isEqualTo(ID_NO);

        // a declared one is recognised as the same data across the rotation, changed data is not
        assertThat(underKey2.admissions.admit(withBuyer("DEC-3", "1.00"), source(5)).state().message())
                .startsWith("already declared");
        ledger.clock.advance(Duration.ofMinutes(5));
        Admission changed = underKey2.admissions.admit(withBuyer("DEC-3", "9.00"), source(6));
        assertThat(changed.send()).isTrue();
        assertThat(changed.declaration().buyerName()).isEqualTo(NAME);
    }

    @Test
    void rowsWrittenInClearAreEncryptedAndStillRecognised() {
        Declaration declaration = withBuyer("DEC-1", "1.00");
        writtenInClear("DEC-1", ledger.now());
        underKey1.admissions.admit(new Declaration("DEC-2", "PAY-2", "ZONGSHU", "hanguo", "jwyhanguo_card",
                BigDecimal.ONE, false, null, null, null, "alipay-plus"), source(2));

        assertThat(underKey1.personal.encryptClearRows()).isEqualTo(1);
        assertThat(underKey1.personal.encryptClearRows()).isZero();

        assertThat(dump()).doesNotContain(NAME).doesNotContain(ID_NO);
        assertThat(ledger.column("DEC-1", "personal_key_id", String.class)).isEqualTo("1");
        assertThat(ledger.column("DEC-2", "personal_key_id", String.class)).isNull();
        assertThat(underKey2.admissions.admit(declaration, source(3)).state().message()).startsWith("already declared");
    }

    @Test
    void aLaterStartReadsOnlyTheRowsChangedSinceTheLastOneBeganLessADay() {
        assertThat(underKey1.personal.encryptClearRows()).as("the first start reads the whole ledger").isZero();
        ledger.clock.advance(Duration.ofHours(1));
        // written in clear since, by nodes of an earlier release: one whose clock agrees, one 20 hours
        // behind, and one two days behind (beyond the margin for clocks that differ)
        writtenInClear("DEC-1", ledger.now());
        writtenInClear("DEC-2", ledger.now().minusHours(20));
        writtenInClear("DEC-3", ledger.now().minusDays(2));

        assertThat(underKey1.personal.encryptClearRows()).isEqualTo(2);
        assertThat(ledger.column("DEC-1", "personal_key_id", String.class)).isEqualTo("1");
        assertThat(ledger.column("DEC-2", "personal_key_id", String.class)).isEqualTo("1");
        assertThat(ledger.column("DEC-3", "personal_key_id", String.class)).isNull();
    }

    @Test
    void settledDeclarationsLosePersonalDataAfterTheRetentionAndKeepTheirOutcome() {
        underKey1.admissions.admit(withBuyer("DEC-1", "1.00"), source(1));
        underKey1.settle("DEC-1", DeclarationStatus.DECLARE_FAILED);
        underKey1.admissions.admit(withBuyer("DEC-2", "1.00"), source(2));
        underKey1.settle("DEC-2", DeclarationStatus.ACCEPTED);   // still open: customs has not answered

        ledger.clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(underKey1.personal.eraseSettled()).isZero();
        ledger.clock.advance(Duration.ofMinutes(2));
        assertThat(underKey1.personal.eraseSettled()).isEqualTo(1);
        assertThat(underKey1.personal.eraseSettled()).isZero();

        assertThat(ledger.column("DEC-1", "request_fields", String.class)).doesNotContain("buyer")
                .contains("ZONGSHU");
        assertThat(ledger.column("DEC-1", "status", String.class)).isEqualTo("DECLARE_FAILED");
        assertThat(ledger.column("DEC-1", "personal_data_erased_at", java.time.OffsetDateTime.class)).isNotNull();
        assertThat(ledger.column("DEC-1", "alipay_declaration_id", String.class)).isEqualTo("A-DEC-1");
        assertThat(ledger.column("DEC-2", "request_fields", String.class)).contains("buyerIdNo");
        // the outcome still answers the same record
        assertThat(underKey1.admissions.admit(withBuyer("DEC-1", "1.00"), source(3)).state().message())
                .startsWith("already declared");
    }

    @Test
    void aLaterRetentionCheckReadsOnlyTheRowsChangedSinceTheLastCutOffLessADay() {
        underKey1.admissions.admit(withBuyer("DEC-1", "1.00"), source(1));
        underKey1.settle("DEC-1", DeclarationStatus.DECLARE_FAILED);
        ledger.clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertThat(underKey1.personal.eraseSettled()).as("the first check reads every settled row").isEqualTo(1);

        underKey1.admissions.admit(withBuyer("DEC-2", "1.00"), source(2));
        underKey1.settle("DEC-2", DeclarationStatus.DECLARE_FAILED);
        // settled by a node whose clock is two days behind the last check's cut-off, beyond the margin
        underKey1.admissions.admit(withBuyer("DEC-3", "1.00"), source(3));
        underKey1.settle("DEC-3", DeclarationStatus.DECLARE_FAILED);
        ledger.jdbc.update("update declaration set updated_at = ? where declaration_request_id = 'DEC-3'",
                ledger.now().minusDays(32));
        ledger.clock.advance(Duration.ofDays(30).plusMinutes(1));

        assertThat(underKey1.personal.eraseSettled()).isEqualTo(1);
        assertThat(ledger.column("DEC-2", "personal_data_erased_at", OffsetDateTime.class)).isNotNull();
        assertThat(ledger.column("DEC-3", "personal_data_erased_at", OffsetDateTime.class)).isNull();
    }

    /** A row as a bundle of a release before personal data was encrypted wrote it: buyer fields in clear. */
    private void writtenInClear(String id, OffsetDateTime at) {
        ledger.jdbc.update("""
                insert into declaration (declaration_request_id, payment_id, gateway, fingerprint, request_fields,
                    status, attempts, created_at, updated_at, last_declared_at)
                values (?, ?, 'alipay-plus', ?, ?, 'ACCEPTED', 1, ?, ?, ?)""",
                id, "PAY-" + id, withBuyer(id, "1.00").fingerprint(), "{\"declarationRequestId\":\"" + id
                        + "\",\"paymentId\":\"PAY-" + id + "\",\"customsCode\":\"ZONGSHU\",\"merchantCustomsCode\":"
                        + "\"hanguo\",\"merchantCustomsName\":\"jwyhanguo_card\",\"amount\":\"1.00\",\"split\":\"false\","
                        + "\"buyerName\":\"" + NAME + "\",\"buyerIdNo\":\"" + ID_NO + "\",\"gateway\":\"alipay-plus\"}",
                at, at, at);
    }
}
