package org.customsbridge.tracking;

import java.util.List;

/** Up to {@code customs.tracking.batch-size} open declarations of one gateway: one query call. */
public record TrackingBatch(String gateway, List<String> declarationRequestIds) {
}
