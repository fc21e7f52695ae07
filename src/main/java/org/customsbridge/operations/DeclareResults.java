package org.customsbridge.operations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** The few (operation, code) counters, kept: registering looks one up by building and sorting its tags. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public DeclareResults(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the outcome's result code and passes the outcome on unchanged. */
    public DeclareOutcome count(@ExchangeProperty(GatewayCallMetrics.OPERATION) String operation,
                                @Body DeclareOutcome outcome) {
        List<String> tags = List.of(operation == null ? "unknown" : operation,
                outcome.code() == null ? "NONE" : outcome.code());
        counters.computeIfAbsent(tags, t -> Counter.builder("customs.declare.results")
                .description("Declare calls answered by the gateways, by operation and result code")
                .tag("operation", t.get(0))
                .tag("code", t.get(1))
                .register(registry)).increment();
        return outcome;
    }
}
