package org.customsbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.customsbridge.testsupport.Buyers.ID_NO;
import static org.customsbridge.testsupport.Buyers.NAME;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.record.Declaration;
import org.customsbridge.testsupport.Buyers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal fields encrypted one by one, keyed fingerprints, and keys under ids. */
class PersonalDataTest {

    static final String PROPERTY = Buyers.KEY_PROPERTY;

    final String key1 = LedgerKeys.generate();
    final String key2 = LedgerKeys.generate();
    final PersonalData underKey1 = Buyers.underKey("1", key1, Map.of());
    final PersonalData underKey2 = Buyers.underKey("2", key2, Map.of("1", key1));

    @TempDir
    Path folder;

    static Declaration withBuyer(String amount) {
        return Buyers.withBuyer("DEC-1", amount);
    }

    @Test
    void personalValuesAreEncryptedEachWithItsOwnNonceAndOthersStayReadable() {
        Map<String, String> fields = withBuyer("1.00").fields();

        Map<String, String> stored = underKey1.protect(fields);
        Map<String, String> again = underKey1.protect(fields);

        assertThat(stored.toString()).doesNotContain(NAME).doesNotContain(ID_NO);
        assertThat(stored.get("buyerIdNo")).startsWith("enc:1:").isNotEqualTo(again.get("buyerIdNo"));
        assertThat(stored.get("customsCode")).isEqualTo("ZONGSHU");
        assertThat(underKey1.reveal(stored)).isEqualTo(fields);
    }

    @Test
    void aRecordWithoutPersonalDataIsStoredAsItIs() {
        Map<String, String> fields = new LinkedHashMap<>(withBuyer("1.00").fields());
        fields.remove("buyerName");
        fields.remove("buyerIdNo");

        assertThat(underKey1.protect(fields)).isSameAs(fields);
        assertThat(underKey1.fingerprint(Declaration.fromFields(fields)).keyId()).isNull();
    }

    @Test
    void aValueCannotPassForAnotherFieldsValue() {
        Map<String, String> stored = new LinkedHashMap<>(underKey1.protect(withBuyer("1.00").fields()));
        String idNo = stored.get("buyerIdNo");
        stored.put("buyerIdNo", stored.get("buyerName"));
        stored.put("buyerName", idNo);

        assertThatThrownBy(() -> underKey1.reveal(stored)).hasMessageContaining("cannot decrypt buyer")
                .hasMessageNotContaining(NAME).hasMessageNotContaining(ID_NO);
    }

    @Test
    void valuesWrittenUnderAnOlderKeyAreReadUnderTheNewOne() {
        Map<String, String> stored = underKey1.protect(withBuyer("1.00").fields());

        assertThat(underKey2.reveal(stored)).isEqualTo(withBuyer("1.00").fields());
        assertThat(underKey2.protect(withBuyer("1.00").fields()).get("buyerName")).startsWith("enc:2:");
        assertThatThrownBy(() -> new PersonalData(LedgerKeys.of("2", key2, Map.of(), PROPERTY)).reveal(stored))
                .hasMessageContaining("key id \"1\"").hasMessageContaining("customs.ledger.encryption-keys.1");
    }

    @Test
    void theFingerprintOfPersonalDataIsKeyedAndComparableUnderTheRowsKey() {
        Declaration declaration = withBuyer("1.00");
        PersonalData.Fingerprint stored = underKey1.fingerprint(declaration);

        assertThat(stored.keyId()).isEqualTo("1");
        assertThat(stored.value()).matches("[0-9a-f]{64}").isNotEqualTo(declaration.fingerprint());
        // after a rotation the same data still matches the row's fingerprint, changed data does not
        assertThat(underKey2.fingerprint(declaration, "1")).isEqualTo(stored.value());
        assertThat(underKey2.fingerprint(withBuyer("2.00"), "1")).isNotEqualTo(stored.value());
        assertThat(underKey2.fingerprint(declaration).value()).isNotEqualTo(stored.value());
    }

    @Test
    void personalDataWithoutAKeyIsRefusedNamingTheProperty() {
        PersonalData none = new PersonalData(LedgerKeys.none());

        assertThatThrownBy(() -> none.protect(withBuyer("1.00").fields())).hasMessageStartingWith(PROPERTY + ": required");
    }

    @Test
    void keysComeFromTextOrFilesAndABadOneNamesItsPropertyNotItsValue() throws IOException {
        Path file = Files.writeString(folder.resolve("ledger.key"), key1 + "\n");
        PersonalData fromFile = new PersonalData(LedgerKeys.of("1", "file:" + file, Map.of(), PROPERTY));
        assertThat(fromFile.reveal(underKey1.protect(withBuyer("1.00").fields()))).containsEntry("buyerIdNo", ID_NO);

        assertThatThrownBy(() -> LedgerKeys.of("1", "not base64 at all!", Map.of(), PROPERTY))
                .hasMessageStartingWith(PROPERTY + ": not base64").hasMessageNotContaining("at all");
        String short8 = Base64.getEncoder().encodeToString(new byte[8]);
        assertThatThrownBy(() -> LedgerKeys.of("1", short8, Map.of(), PROPERTY))
                .hasMessage(PROPERTY + ": an AES key of 16, 24 or 32 bytes, was 8");
        assertThatThrownBy(() -> LedgerKeys.of("2", key2, Map.of("1", "bad!"), PROPERTY))
                .hasMessageStartingWith(PROPERTY + "s.1: not base64");
        assertThatThrownBy(() -> LedgerKeys.of("a:b", key2, Map.of(), PROPERTY))
                .hasMessageStartingWith(PROPERTY + "-id: a key id is");
    }
}
