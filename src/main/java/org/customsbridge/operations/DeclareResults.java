package org.customsbridge.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.ledger.DeclareOutcome;

/**
 * {@code customs_declare_results_total{operation,code}}: what the gateway answered each declare call
 * (its result code: {@code SUCCESS}, {@code REPEAT_REQ_INCONSISTENT}, {@code UNKNOWN_EXCEPTION} for a
 * status U, ...), counted per call, resends included. A call without a trustworthy answer has no
 * result code; {@link GatewayCallMetrics} counts it by its HTTP outcome.
 */
public class DeclareResults {

    private final MeterRegistry registry;

    public DeclareResults(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the outcome's result code and passes the outcome on unchanged. */
    public DeclareOutcome count(@ExchangeProperty(GatewayCallMetrics.OPERATION) String operation,
                                @Body DeclareOutcome outcome) {
        Counter.builder("customs.declare.results")
                .description("Declare calls answered by the gateways, by operation and result code")
                .tag("operation", operation == null ? "unknown" : operation)
                .tag("code", outcome.code() == null ? "NONE" : outcome.code())
                .register(registry)
                .increment();
        return outcome;
    }
}
