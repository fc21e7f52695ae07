package org.customsbridge.validation;

import org.customsbridge.record.RawRecord;

/**
 * A record that failed local validation and is never sent.
 *
 * @param record   the record as read
 * @param message  every broken rule, naming where, which field and which rule
 * @param validId  the record's {@code declarationRequestId} if that one field is valid, else {@code null}
 * @param gateway  the gateway the record names, or the default one
 */
public record InvalidRecord(RawRecord record, String message, String validId, String gateway) {
}
