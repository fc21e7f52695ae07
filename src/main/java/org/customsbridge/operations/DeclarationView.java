package org.customsbridge.operations;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One ledger row as operators see it. The request fields are left out on purpose: they hold the
 * buyer's identity number, which has no business in an operations API.
 *
 * @param history every status change, oldest first; absent in list pages, which stay cheap
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationView(
        String declarationRequestId,
        String paymentId,
        String gateway,
        String status,
        String code,
        String message,
        String alipayDeclarationId,
        String alipayPaymentId,
        String customsResultCode,
        String customsResultMessage,
        Instant customsResultAt,
        int attempts,
        String source,
        Long sourceLine,
        Instant createdAt,
        Instant updatedAt,
        List<HistoryEntry> history) {

    DeclarationView withHistory(List<HistoryEntry> entries) {
        return new DeclarationView(declarationRequestId, paymentId, gateway, status, code, message,
                alipayDeclarationId, alipayPaymentId, customsResultCode, customsResultMessage, customsResultAt,
                attempts, source, sourceLine, createdAt, updatedAt, entries);
    }

    /** One status change of {@code declaration_history}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(String from, String to, String code, String message, Instant at) {
    }
}
