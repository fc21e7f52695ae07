package org.customsbridge.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.customsbridge.signing.KeySources;

/**
 * The AES keys the ledger encrypts personal data with, each under an id: the current one encrypts
 * new values, the others only decrypt what was written under them. A row names the id of its key,
 * so a new current key needs no rewrite of the ledger; an old key may go once no row names it.
 */
public final class LedgerKeys {

    /** Written into the ledger beside every value: short, and never a separator of the stored form. */
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_.-]{1,32}");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private LedgerKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** No key at all: a ledger that may hold no personal data. */
    public static LedgerKeys none() {
        return new LedgerKeys(null, Map.of());
    }

    /**
     * @param currentId  the id of the current key
     * @param current    the current key's source: base64 text, or {@code file:} and a path
     * @param older      older keys' sources by id, which decrypt only
     * @param property   the current key's property, named in every error about it
     */
    public static LedgerKeys of(String currentId, String current, Map<String, String> older, String property) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        older.forEach((id, source) -> keys.put(checkedId(id, property + "s"), key(source, property + "s." + id)));
        keys.put(checkedId(currentId, property + "-id"), key(current, property));
        return new LedgerKeys(currentId, keys);
    }

    /** A fresh random key in the form the key properties take (base64 of 32 bytes). */
    public static String generate() {
        byte[] key = new byte[32];
        PersonalData.RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that encrypts, if there is one. */
    public Optional<String> currentId() {
        return Optional.ofNullable(currentId);
    }

    /** The key of {@code id}. */
    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("the ledger holds personal data under key id \"" + id
                    + "\", which is not configured (customs.ledger.encryption-keys." + id + ")");
        }
        return key;
    }

    private static String checkedId(String id, String property) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalStateException(property + ": a key id is 1 to 32 characters of 0-9 A-Z a-z _ . -");
        }
        return id;
    }

    private static SecretKey key(String source, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(KeySources.text(source));
        } catch (IllegalArgumentException notBase64) {
            // the value itself is never repeated: it is (or is meant to be) a key
            throw new IllegalStateException(property + ": not base64 text (32 random bytes, e.g. openssl rand -base64 32)");
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException(property + ": " + unreadable.getMessage(), unreadable);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException(property + ": an AES key of 16, 24 or 32 bytes, was " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
