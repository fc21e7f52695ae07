package org.customsbridge.wechat;

import org.customsbridge.ledger.DeclarationStatus;

/**
 * What WeChat Pay's {@code state} of a declaration means for the bundle. WeChat's pages do not say
 * whether {@code FAIL} is final nor whether {@code EXCEPT} (customs' interface failed) clears by
 * itself: {@code FAIL} is taken as customs' rejection (final), {@code EXCEPT} as still pending, so
 * that tracking keeps asking. An unknown state is pending too, never a verdict.
 */
public final class WechatStates {

    private WechatStates() {
    }

    public static DeclarationStatus statusOf(String state) {
        if (state == null) {
            return DeclarationStatus.CUSTOMS_PENDING;
        }
        return switch (state) {
            case "UNDECLARED" -> DeclarationStatus.ACCEPTED;
            case "SUCCESS" -> DeclarationStatus.CUSTOMS_ACCEPTED;
            case "FAIL" -> DeclarationStatus.CUSTOMS_REJECTED;
            default -> DeclarationStatus.CUSTOMS_PENDING; // SUBMITTED, PROCESSING, EXCEPT
        };
    }
}
