package org.customsbridge.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.customsbridge.record.Declaration;
import org.customsbridge.record.Fields;

/**
 * Personal fields as the ledger stores them: each value encrypted on its own with AES-GCM (a random
 * 96-bit nonce per value, the field's name bound in as associated data so a value cannot pass for
 * another field's), as {@code enc:<key id>:<base64 of nonce and ciphertext>}. Other fields stay
 * readable, so that reports and queries never need a key.
 * <p>
 * The fingerprint that proves a resend identical covers personal fields too; for a declaration that
 * has some it is an HMAC under a key derived from the row's encryption key, because a plain hash of
 * an 18-digit identity number with its check digit is reversed by trying them all.
 */
public class PersonalData {

    static final SecureRandom RANDOM = new SecureRandom();

    private static final String PREFIX = "enc:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] FINGERPRINT_KEY_LABEL = "customs-bridge ledger fingerprint".getBytes(StandardCharsets.UTF_8);

    /** The fingerprint a row keeps, and the id of the key it is under ({@code null}: a plain hash, no personal data). */
    public record Fingerprint(String keyId, String value) {
    }

    private final LedgerKeys keys;
    private final Map<String, SecretKey> fingerprintKeys = new ConcurrentHashMap<>();

    public PersonalData(LedgerKeys keys) {
        this.keys = keys;
    }

    /** The fingerprint to store with {@code declaration}: keyed under the current key when it has personal data. */
    public Fingerprint fingerprint(Declaration declaration) {
        if (!declaration.hasPersonalData()) {
            return new Fingerprint(null, declaration.fingerprint());
        }
        String keyId = currentKeyId();
        return new Fingerprint(keyId, fingerprint(declaration, keyId));
    }

    /** {@code declaration}'s fingerprint as a row whose fingerprint is under {@code keyId} would hold it. */
    public String fingerprint(Declaration declaration, String keyId) {
        if (keyId == null) {
            return declaration.fingerprint();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKeys.computeIfAbsent(keyId, this::deriveFingerprintKey));
            return HexFormat.of().formatHex(mac.doFinal(declaration.canonical()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code fields} with every personal value encrypted under the current key; the same map when it has none. */
    public Map<String, String> protect(Map<String, String> fields) {
        if (fields.keySet().stream().noneMatch(Fields::isPersonal)) {
            return fields;
        }
        String keyId = currentKeyId();
        Map<String, String> stored = new LinkedHashMap<>(fields);
        stored.replaceAll((name, value) -> Fields.isPersonal(name) && !isEncrypted(value)
                ? encrypt(name, value, keyId) : value);
        return stored;
    }

    /** {@code stored} with every personal value decrypted: only for sending a declaration again. */
    public Map<String, String> reveal(Map<String, String> stored) {
        if (stored.values().stream().noneMatch(PersonalData::isEncrypted)) {
            return stored;
        }
        Map<String, String> fields = new LinkedHashMap<>(stored);
        fields.replaceAll((name, value) -> isEncrypted(value) ? decrypt(name, value) : value);
        return fields;
    }

    /** Whether a stored value is in the encrypted form. */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private String currentKeyId() {
        return keys.currentId().orElseThrow(() -> new IllegalStateException(
                "customs.ledger.encryption-key: required to store a record with personal data ("
                        + String.join(", ", Fields.PERSONAL) + ")"));
    }

    private String encrypt(String field, String value, String keyId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keyId + ':' + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + field, e);
        }
    }

    private String decrypt(String field, String stored) {
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("unreadable encrypted " + field + " in the ledger");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt " + field + " stored under key id \"" + keyId
                    + "\" (a wrong key for that id?)", e);
        }
    }

    private SecretKey deriveFingerprintKey(String keyId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(keyId).getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(FINGERPRINT_KEY_LABEL), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
