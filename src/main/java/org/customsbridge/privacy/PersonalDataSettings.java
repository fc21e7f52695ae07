package org.customsbridge.privacy;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.ledger.*}: how the ledger keeps personal data (buyer name and identity number):
 * encrypted under a key of its own, and erased once a declaration is settled and old.
 *
 * @param encryptionKey         the AES key that encrypts personal data in the ledger: base64 of 16, 24 or
 *                              32 random bytes ({@code openssl rand -base64 32}), or {@code file:} and the
 *                              path of a file holding it; required when {@code customs.simulator.enabled=false}
 *                              (with the simulator on and none set, a demo key is generated beside the demo keys)
 * @param encryptionKeyId       the id of {@code encryption-key}, stored with every row it encrypts; give a new
 *                              key a new id and keep the old one under {@code encryption-keys.<old id>}
 * @param encryptionKeys        older keys by id (same forms as {@code encryption-key}): they decrypt the rows
 *                              written under them, nothing new is encrypted with them
 * @param personalDataRetention how long after its last change a settled declaration keeps its personal
 *                              fields; then they are erased (its outcome and history stay)
 * @param personalDataCheck     how often settled declarations older than the retention are looked for
 */
@Validated
@ConfigurationProperties("customs.ledger")
public record PersonalDataSettings(
        String encryptionKey,
        @DefaultValue("1") String encryptionKeyId,
        @DefaultValue Map<String, String> encryptionKeys,
        @DefaultValue("30d") Duration personalDataRetention,
        @DefaultValue("1h") Duration personalDataCheck) {

    public PersonalDataSettings {
        if (personalDataRetention.isNegative()) {
            throw new IllegalArgumentException("customs.ledger.personal-data-retention: not negative, was "
                    + personalDataRetention);
        }
        if (personalDataCheck.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("customs.ledger.personal-data-check: at least 1s, was "
                    + personalDataCheck);
        }
    }

    /** Whether a current key is configured. */
    public boolean hasEncryptionKey() {
        return encryptionKey != null && !encryptionKey.isBlank();
    }
}
