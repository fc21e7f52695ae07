package org.customsbridge.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One day's reconciliation: declarations created that day per customs code, the same by status,
 * the records of that day that had no valid id (so no declaration), and every declaration (of any
 * day) that has waited for customs longer than the alert age. Every input record of the day is in
 * it once: as a declaration, or as a rejected record.
 */
public record Reconciliation(LocalDate date, Instant generatedAt, List<CustomsCodeRow> byCustomsCode,
                             Map<String, Long> byStatus, List<PendingDeclaration> pending,
                             List<RejectedRecord> rejected) {

    /**
     * @param declared         sent to Alipay (every record but the invalid ones)
     * @param acceptedByAlipay Alipay accepted the declaration (whatever customs said since)
     * @param pending          no final answer yet (accepted, customs pending, unknown, or a call in flight)
     * @param failed           refused by Alipay
     */
    public record CustomsCodeRow(String customsCode, long declared, long acceptedByAlipay, long customsAccepted,
                                 long customsRejected, long pending, long failed, long invalid) {
    }

    public record PendingDeclaration(String declarationRequestId, String paymentId, String gateway, String status,
                                     Instant createdAt, long pendingHours) {
    }

    /**
     * A record whose id was missing or invalid: it has no ledger row of its own, only where it came
     * from and why it was refused.
     *
     * @param declarationRequestId the id as given (may be empty or malformed)
     */
    public record RejectedRecord(String source, long line, String declarationRequestId, String message, Instant at) {
    }

    public long total(java.util.function.ToLongFunction<CustomsCodeRow> column) {
        return byCustomsCode.stream().mapToLong(column).sum();
    }
}
