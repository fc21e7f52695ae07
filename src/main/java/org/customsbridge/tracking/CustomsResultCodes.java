package org.customsbridge.tracking;

import java.util.Set;

import org.customsbridge.ledger.DeclarationStatus;

/**
 * What a customs receipt code means (in a declare or query answer): the configured accepted codes
 * (default {@code 2} and {@code 120}), a negative number is a rejection or exception, anything else
 * or no code yet is pending.
 */
public class CustomsResultCodes {

    private final Set<String> accepted;

    public CustomsResultCodes(Set<String> accepted) {
        this.accepted = accepted;
    }

    public DeclarationStatus statusOf(String customsResultCode) {
        if (customsResultCode == null || customsResultCode.isBlank()) {
            return DeclarationStatus.CUSTOMS_PENDING;
        }
        String code = customsResultCode.strip();
        if (accepted.contains(code)) {
            return DeclarationStatus.CUSTOMS_ACCEPTED;
        }
        if (code.matches("-\\d+")) {
            return DeclarationStatus.CUSTOMS_REJECTED;
        }
        return DeclarationStatus.CUSTOMS_PENDING;
    }
}
